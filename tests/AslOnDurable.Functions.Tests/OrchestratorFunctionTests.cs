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

    [Fact]
    public async Task RunStateMachine_TimesOutWhileASyncChildRuns_TimedOutAndAsksForTheChildToBeTerminated()
    {
        // The host completes the instance only once its sub-orchestrations have answered: the decided execution asks
        // CloseAbandonedChildren to terminate the .sync child (which then answers it), without awaiting that call.
        const string definition = """
            {"TimeoutSeconds": 2, "StartAt": "Child", "States": {"Child": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Parameters": {"StateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:Hour", "Name": "hour-1"}}}}
            """;
        DateTime now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Mock<TaskOrchestrationContext> context = new();
        context.SetupGet(c => c.InstanceId).Returns("Parent:p-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(() => now);
        context.Setup(c => c.GetInput<string>()).Returns(DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, new JsonObject())));
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(DurableJson.Serialize(new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.StartExecution)
            {
                StartExecution = new NestedExecutionStart(
                    "arn:aws:states:us-east-1:123456789012:stateMachine:Hour",
                    """{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 3600, "End": true}}}""",
                    "{}",
                    "sync:2") { Name = "hour-1", Input = new JsonObject() },
            }));
        TaskCompletionSource<string> childRuns = new(); // the child never answers by itself
        context.Setup(c => c.CallSubOrchestratorAsync<string>(new TaskName(OrchestratorNames.StateMachine), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(childRuns.Task);
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns((DateTime fireAt, CancellationToken _) =>
            {
                now = fireAt; // the execution's deadline timer fires
                return Task.CompletedTask;
            });
        List<string> closes = [];
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.CloseChildren), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => closes.Add((string)input!))
            .Returns(new TaskCompletionSource<string>().Task);
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        ExecutionHistoryStore history = new();

        string output = await new OrchestratorFunction(new ExecutionPlanCache(), telemetry, history).RunStateMachineAsync(context.Object);

        Assert.Equal("TIMED_OUT", DurableJson.Deserialize<StateMachineOutput>(output).Status);
        Assert.Equal(["Hour:hour-1"], DurableJson.Deserialize<CloseChildrenInput>(Assert.Single(closes)).InstanceIds);
        context.Verify(c => c.SetCustomStatus(StateMachineOrchestrator.FinishedStatus));
        Assert.Equal("ExecutionTimedOut", history.Events("Parent:p-1")[^1].Type);
    }
}
