using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>Task payload quotas (<c>States.DataLimitExceeded</c>), with AWS's naming of the resource in the cause.</summary>
public sealed class TaskPayloadQuotaTests
{
    [Fact]
    public void Result_OverQuotaFromServiceIntegration_CauseNamesTheServiceAndStatesAllCatches()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 300))) };

        var result = EngineRun.Run(DefinitionFixtures.Read("quota/service-task-catch-all.asl.json"), "{}", host, maxPayloadBytes: 200);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal(
            """{"Error":"States.DataLimitExceeded","Cause":"The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit."}""",
            result.Output);
    }

    [Fact]
    public void Result_OverQuotaFromSdkIntegration_CauseNamesAwsSdkService()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 300))) };

        var result = EngineRun.Run(DefinitionFixtures.Read("quota/sdk-task.asl.json"), "{}", host, maxPayloadBytes: 200);

        Assert.Equal(
            new AslError(StatesErrorNames.DataLimitExceeded, "The state/task 'aws-sdk:s3' returned a result with a size exceeding the maximum number of bytes service limit."),
            result.Error);
    }

    [Fact]
    public void Parameters_OverQuota_FailWithDataLimitExceededWithoutCallingTheTask()
    {
        var host = new FakeExecutionHost();

        var result = EngineRun.Run(DefinitionFixtures.Read("quota/service-task-catch-all.asl.json"), $$"""{"big":"{{new string('x', 150)}}"}""", host, maxPayloadBytes: 160);

        Assert.Empty(host.Invocations);
        JsonAssert.Equal(
            """{"Error":"States.DataLimitExceeded","Cause":"The state/task 'lambda' provided parameters with a size exceeding the maximum number of bytes service limit."}""",
            result.Output);
    }

    // A host may hand a bound of the result's size with it (the durable host: the length of the reply it read); a bound
    // over the quota proves nothing, so the result is measured exactly as before.
    [Theory]
    [InlineData(100, ExecutionStatus.Succeeded)]
    [InlineData(300, ExecutionStatus.Failed)]
    public void Result_WithASizeBoundOverTheQuota_IsMeasuredExactly(int length, ExecutionStatus status)
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', length)), sizeBound: 10_000) };

        var result = EngineRun.Run(TaskOnly, "{}", host, maxPayloadBytes: 200);

        Assert.Equal(status, result.Status);
        Assert.Equal(status == ExecutionStatus.Failed ? StatesErrorNames.DataLimitExceeded : null, result.Error?.Error);
    }

    // Map iterations whose Task takes the item as its parameters skip measuring them only when the items are parts of
    // the measured execution input; items a Pass state built (its output is not measured) are measured as before.
    [Fact]
    public void MapIterations_ItemsBuiltOverTheQuotaByAPassState_ParametersAreStillMeasured()
    {
        const string definition = """
            {"StartAt":"Build","States":{
              "Build":{"Type":"Pass","Parameters":{"items":[{"a.$":"$.big","b.$":"$.big"}]},"Next":"Fan"},
              "Fan":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}},"End":true}}}
            """;
        var host = new FakeExecutionHost();

        var result = EngineRun.Run(definition, $$"""{"big":"{{new string('x', 150)}}"}""", host, maxPayloadBytes: 200);

        Assert.Empty(host.Invocations);
        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error?.Error);
    }

    // The first state's input is the measured execution input, but a JSONata Items expression may build larger items.
    [Fact]
    public async Task MapIterations_JsonataItemsLargerThanTheMeasuredInput_ParametersAreStillMeasured()
    {
        const string definition = """
            {"QueryLanguage":"JSONata","StartAt":"Fan","States":{
              "Fan":{"Type":"Map","Items":"{% [{'a': $states.input.big, 'b': $states.input.big}] %}","ItemProcessor":{"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}},"End":true}}}
            """;
        var host = new FakeExecutionHost();

        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator());

        var result = await new Interpreter(plan)
            .RunAsync(new ExecutionRequest { Input = JsonNode.Parse($$"""{"big":"{{new string('x', 150)}}"}""") }, host, new ExecutionOptions { MaxPayloadBytes = 200 });

        Assert.Empty(host.Invocations);
        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error?.Error);
    }

    // Items that are parts of the measured execution input: the iterations run, their parameters within the quota.
    [Fact]
    public void MapIterations_ItemsOfTheMeasuredInput_RunWithinTheQuota()
    {
        const string definition = """
            {"StartAt":"Fan","States":{
              "Fan":{"Type":"Map","ItemsPath":"$.items","ItemProcessor":{"StartAt":"Call","States":{
                "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}},"End":true}}}
            """;
        var host = new FakeExecutionHost();

        var result = EngineRun.Run(definition, $$"""{"items":["{{new string('x', 80)}}","y"]}""", host, maxPayloadBytes: 120);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, host.Invocations.Count);
        JsonAssert.Equal($$"""["{{new string('x', 80)}}","y"]""", result.Output);
    }

    private const string TaskOnly = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","End":true}}}
        """;
}
