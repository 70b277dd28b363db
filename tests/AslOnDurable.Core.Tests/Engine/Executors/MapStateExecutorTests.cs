using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class MapStateExecutorTests
{
    [Fact]
    public void Execute_ItemsPathAndItemSelector_RunsProcessorPerItemInOrder()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,
              "ItemSelector":{"i.$":"$$.Map.Item.Index","v.$":"$$.Map.Item.Value","k.$":"$.k"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"ResultPath":"$.out","End":true}}}
            """, """{"k":"K","items":["a","b","c"]}""");

        JsonAssert.Equal(
            """{"k":"K","items":["a","b","c"],"out":[{"i":0,"v":"a","k":"K"},{"i":1,"v":"b","k":"K"},{"i":2,"v":"c","k":"K"}]}""",
            result.Output);
    }

    [Fact]
    public void Execute_EmptyItems_GivesEmptyArray()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[]");

        JsonAssert.Equal("[]", result.Output);
    }

    [Fact]
    public void Execute_IterationFails_MapFailsWithIterationError()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"ItemError"}}},"End":true}}}
            """, "[1,2]");

        Assert.Equal("ItemError", result.Error!.Error);
    }

    [Fact]
    public void Execute_FailuresOverToleratedCount_FailsWithThresholdError()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailureCount":1,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"F","States":{"F":{"Type":"Fail","Error":"E"}}},"End":true}}}
            """, "[1,2,3]");

        Assert.Equal(StatesErrorNames.ExceedToleratedFailureThreshold, result.Error!.Error);
    }

    [Fact]
    public void Execute_FailuresWithinTolerance_SucceedsWithSuccessfulOutputsOnly()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ToleratedFailurePercentage":50,
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"C","States":{
                "C":{"Type":"Choice","Choices":[{"Variable":"$","NumericEquals":2,"Next":"F"}],"Default":"P"},
                "F":{"Type":"Fail","Error":"E"},
                "P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "[1,2,3]");

        JsonAssert.Equal("[1,3]", result.Output);
    }

    [Fact]
    public void Execute_ItemsNotAnArray_FailsWithQueryEvaluationError()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"items":"a"}""");

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.EndsWith("Map state input must be an array but was: \"a\"", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_ItemBatcher_GroupsItemsWithBatchInput()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
              "ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"tag.$":"$.tag"}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"tag":"t","items":[1,2,3]}""");

        JsonAssert.Equal("""[{"BatchInput":{"tag":"t"},"Items":[1,2]},{"BatchInput":{"tag":"t"},"Items":[3]}]""", result.Output);
    }

    [Theory]
    [InlineData(34, "[2,2,1]")]
    [InlineData(35, "[3,2]")]
    [InlineData(24, "[2,2,1]")]
    [InlineData(23, "[1,1,1,1,1]")]
    public void Execute_ItemBatcherMaxInputBytes_SplitsByTheItemsUtf8Size(int maxBytes, string batchSizes)
    {
        // Each item is "😀😀": 10 bytes of UTF-8 (11 with its comma), though a writer escaping the emoji writes 26.
        var result = EngineRun.Run($$$$"""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items",
              "ItemBatcher":{"MaxInputBytesPerBatch":{{{{maxBytes}}}}},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"items":["😀😀","😀😀","😀😀","😀😀","😀😀"]}""");

        var sizes = new JsonArray([.. result.Output!.AsArray().Select(b => (JsonNode)JsonValue.Create(b!["Items"]!.AsArray().Count))]);
        JsonAssert.Equal(batchSizes, sizes);
    }

    [Fact]
    public void Execute_MaxConcurrencyPathNotANumber_FailsWithAwsCause()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.items","MaxConcurrencyPath":"$.mc",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"items":[1],"mc":"many"}""");

        Assert.EndsWith("The MaxConcurrencyPath field refers to value \"many\" which is not a valid integer: $.mc", result.Error!.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_IterationsWithTasks_CallHostInItemOrder()
    {
        var host = new FakeExecutionHost { Tasks = i => TaskOutcome.Success(JsonValue.Create(i.Input!.GetValue<int>() * 10)) };
        var history = new ListHistorySink();

        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}},"End":true}}}
            """, "[1,2,3]", host, history);

        JsonAssert.Equal("[10,20,30]", result.Output);
        Assert.Equal([1, 2, 3], host.Invocations.Select(i => i.Input!.GetValue<int>()));
        Assert.Equal(3, history.Events.Count(e => e.Type == HistoryEventTypes.MapIterationStarted));
    }
}
