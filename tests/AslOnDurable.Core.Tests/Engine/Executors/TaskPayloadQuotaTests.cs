using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
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
}
