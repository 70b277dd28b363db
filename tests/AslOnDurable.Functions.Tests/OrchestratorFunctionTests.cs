using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using Microsoft.DurableTask;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class OrchestratorFunctionTests
{
    [Fact]
    public async Task RunStateMachine_TaskDefinition_CallsTheTaskActivityAndReturnsItsResult()
    {
        const string definition = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:F","End":true}}}""";
        Mock<TaskOrchestrationContext> context = new();
        context.SetupGet(c => c.InstanceId).Returns("i-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        context.Setup(c => c.GetInput<string>()).Returns(DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, new JsonObject { ["x"] = 1 })));
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(DurableJson.Serialize(new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Succeeded) { Output = new JsonObject { ["y"] = 2 } }));

        ExecutionHistoryStore history = new();

        string output = await new OrchestratorFunction(new ExecutionPlanCache(), telemetry, history).RunStateMachineAsync(context.Object);

        StateMachineOutput result = DurableJson.Deserialize<StateMachineOutput>(output);
        Assert.Equal("SUCCEEDED", result.Status);
        Assert.Equal("""{"y":2}""", result.Output!.ToJsonString());
        Assert.Contains(history.Events("i-1"), e => e.Type == "ExecutionSucceeded");
    }
}
