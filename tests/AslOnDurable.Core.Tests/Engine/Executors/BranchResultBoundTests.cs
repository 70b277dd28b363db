using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>
/// A Map's or Parallel's result made of outputs whose sizes the host told (Task results passed on as they came) is
/// checked against the quota and the depth limit by adding those sizes up instead of writing the result out: the
/// verdicts are the ones measuring gives, byte for byte and level for level.
/// </summary>
public sealed class BranchResultBoundTests
{
    private const string MapOfTasks = """
        {"StartAt":"Fan","States":{
          "Fan":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Call","States":{
            "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}},"End":true}}}
        """;

    private const string Ten = "xxxxxxxxxx";

    // Two results of 12 bytes each: the result ["xxxxxxxxxx","xxxxxxxxxx"] is 27 bytes (the input, 15).
    [Theory]
    [InlineData(27, ExecutionStatus.Succeeded)]
    [InlineData(26, ExecutionStatus.Failed)]
    public void Map_ResultOfBoundedTaskResults_AtAndOverTheQuota(int quota, ExecutionStatus status)
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(Ten), sizeBound: 12) };

        var result = EngineRun.Run(MapOfTasks, """{"items":[1,2]}""", host, maxPayloadBytes: quota);

        Assert.Equal(status, result.Status);
        if (status == ExecutionStatus.Failed)
        {
            Assert.Equal(
                new AslError(StatesErrorNames.DataLimitExceeded, "The state/task 'Fan' returned a result with a size exceeding the maximum number of bytes service limit."),
                result.Error);
        }
        else
        {
            JsonAssert.Equal($"""["{Ten}","{Ten}"]""", result.Output);
        }
    }

    // The sizes a host tells are trusted as the Task trusts them (the durable host's are its replies' lengths): the
    // Map's result and the execution's output are not written out again to be measured.
    [Fact]
    public void Map_TrustsTheSizesItsIterationsBrought()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 100)), sizeBound: 12) };

        var result = EngineRun.Run(MapOfTasks, """{"items":[1,2]}""", host, maxPayloadBytes: 100);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    // A JSON null result (4 bytes) counts as "null" in the array: [null,"xxxxxxxxxx"] is 19 bytes.
    [Theory]
    [InlineData(19, ExecutionStatus.Succeeded)]
    [InlineData(18, ExecutionStatus.Failed)]
    public void Map_NullResultAmongBoundedOnes_CountsFourBytes(int quota, ExecutionStatus status)
    {
        var host = new FakeExecutionHost
        {
            Tasks = invocation => invocation.Input!.GetValue<int>() == 1 ? TaskOutcome.Success(null, sizeBound: 4) : TaskOutcome.Success(JsonValue.Create(Ten), sizeBound: 12),
        };

        var result = EngineRun.Run(MapOfTasks, """{"items":[1,2]}""", host, maxPayloadBytes: quota);

        Assert.Equal(status, result.Status);
    }

    // A ResultSelector reshapes the result: what was known of the raw result says nothing of it, so it is measured.
    [Fact]
    public void Map_IterationWithResultSelector_ResultMeasured()
    {
        const string definition = """
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
                        "ResultSelector":{"a.$":"$","b.$":"$"},"End":true}}},"End":true}}}
            """;
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 40)), sizeBound: 42) };

        var result = EngineRun.Run(definition, """{"items":[1,2]}""", host, maxPayloadBytes: 150);

        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error?.Error);
    }

    // Parallel adds its branches' outputs up the same way, checked at the exact byte.
    [Theory]
    [InlineData(27, ExecutionStatus.Succeeded)]
    [InlineData(26, ExecutionStatus.Failed)]
    public void Parallel_ResultOfBoundedTaskResults_AtAndOverTheQuota(int quota, ExecutionStatus status)
    {
        const string definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}},
              {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}]}}}
            """;
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(Ten), sizeBound: 12) };

        var result = EngineRun.Run(definition, "{}", host, maxPayloadBytes: quota);

        Assert.Equal(status, result.Status);
        Assert.Equal(status == ExecutionStatus.Failed ? StatesErrorNames.DataLimitExceeded : null, result.Error?.Error);
    }

    // Results read from a record with the depth limit nest one level less than it: a Map of them still fits (the
    // result is as deep as the limit), a Map of such Maps does not, and fails as measuring it always did.
    [Theory]
    [InlineData(false, ExecutionStatus.Succeeded)]
    [InlineData(true, ExecutionStatus.Failed)]
    public void Map_DeepBoundedResults_DepthLimitHoldsThroughNestedMaps(bool nested, ExecutionStatus status)
    {
        var depth = JsonLimits.MaxDepth - 1;
        var deep = new string('[', depth) + new string(']', depth);
        var host = new FakeExecutionHost
        {
            Tasks = _ => TaskOutcome.Success(JsonNode.Parse(deep, documentOptions: JsonLimits.DocumentOptions), sizeBound: deep.Length),
        };
        var definition = nested
            ? """
              {"StartAt":"Outer","States":{"Outer":{"Type":"Map","ItemsPath":"$.items","End":true,"ItemProcessor":{"StartAt":"Inner","States":{
                "Inner":{"Type":"Map","ItemsPath":"$","End":true,"ItemProcessor":{"StartAt":"Call","States":{
                  "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}}}}}}}
              """
            : MapOfTasks;

        var result = EngineRun.Run(definition, nested ? """{"items":[[1]]}""" : """{"items":[1]}""", host, maxPayloadBytes: 10_000);

        Assert.Equal(status, result.Status);
        if (status == ExecutionStatus.Failed)
        {
            Assert.Equal(StatesErrorNames.Runtime, result.Error?.Error);
            Assert.Contains("deeper than the limit", result.Error?.Cause, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(JsonValueKind.Array, result.Output!.GetValueKind());
        }
    }
}
