using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using Microsoft.DurableTask.Client;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class ActivityFunctionsTests
{
    private static readonly string Finished = "\"" + StateMachineOrchestrator.FinishedStatus + "\"";

    [Fact]
    public async Task RunTask_Request_DelegatesToTheTaskHandler()
    {
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        Mock<ITaskHandler> tasks = new();
        tasks.Setup(t => t.InvokeAsync(It.Is<TaskInvocation>(i => i.StateName == "S" && i.Resource == "arn:r")))
            .ReturnsAsync(TaskOutcome.Success(new JsonObject { ["ok"] = true }));
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "S", "arn:r", null, 0, "arn:e") { InstanceId = "m:r1" });
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test"); // answered at once: the instance is never asked about

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await new ActivityFunctions(tasks.Object, telemetry).RunTaskAsync(request, client.Object));

        Assert.Equal(TaskActivityOutcomes.Succeeded, result.Outcome);
        Assert.Equal("""{"ok":true}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task RunTask_HandlerHeldWhenTheExecutionIsDecided_StopsWaitingAndTellsTheHandler()
    {
        // A Parallel branch failed (or the execution timed out) while this branch's Task runs: the orchestrator set
        // asl:finished, and the host completes the instance only once this activity answers.
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        HeldHandler handler = new();
        Mock<DurableTaskClient> client = Instance("m:r1", OrchestrationRuntimeStatus.Running, Finished);
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "Held", "arn:r", null, 0, "arn:e") { InstanceId = "m:r1" });

        string answer = await new ActivityFunctions(handler, telemetry).RunTaskAsync(request, client.Object).WaitAsync(TimeSpan.FromMinutes(1));

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(answer);
        Assert.Equal((TaskActivityOutcomes.Failed, "States.Runtime"), (result.Outcome, result.Error));
        Assert.True(handler.Abandoned.IsCancellationRequested, "the handler is told it was abandoned");
        client.Verify(c => c.GetInstancesAsync("m:r1", true, It.IsAny<CancellationToken>()), Times.AtLeastOnce());
    }

    [Fact]
    public async Task RunTask_InstanceStillUndecided_KeepsWaitingForTheHandler()
    {
        using ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
        HeldHandler handler = new();
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test");
        client.Setup(c => c.GetInstancesAsync("m:r2", true, It.IsAny<CancellationToken>()))
            .Callback(handler.Answer) // the handler answers once the activity has looked (and found the execution running)
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, "m:r2") { RuntimeStatus = OrchestrationRuntimeStatus.Running });
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "Held", "arn:r", null, 0, "arn:e") { InstanceId = "m:r2" });

        string answer = await new ActivityFunctions(handler, telemetry).RunTaskAsync(request, client.Object).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(TaskActivityOutcomes.Succeeded, DurableJson.Deserialize<TaskActivityResult>(answer).Outcome);
        Assert.False(handler.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task CloseChildren_TerminatesEachChildRecursively_OneFailingRequestStopsNoOther()
    {
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test");
        client.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        client.Setup(c => c.TerminateInstanceAsync("gone", It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("store unavailable"));
        string request = DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, ["child-1", "gone", "map-run-1"]));

        string requested = await ActivityFunctions.CloseChildrenAsync(request, client.Object, CancellationToken.None);

        Assert.Equal("2", requested);
        foreach (string child in new[] { "child-1", "gone", "map-run-1" })
        {
            client.Verify(c => c.TerminateInstanceAsync(child, It.Is<TerminateInstanceOptions?>(o => o != null && o.Recursive), It.IsAny<CancellationToken>()), Times.Once());
        }
    }

    private static Mock<DurableTaskClient> Instance(string instanceId, OrchestrationRuntimeStatus status, string? customStatus)
    {
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test");
        client.Setup(c => c.GetInstancesAsync(instanceId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, instanceId) { RuntimeStatus = status, SerializedCustomStatus = customStatus });
        return client;
    }

    /// <summary>A Task handler that answers only when told to, or when abandoned (it remembers the clock's signal).</summary>
    private sealed class HeldHandler : ITaskHandler
    {
        private readonly TaskCompletionSource answer = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken Abandoned { get; private set; }

        public void Answer() => answer.TrySetResult();

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            Abandoned = invocation.Clock!.Abandoned;
            await answer.Task.WaitAsync(Abandoned).ContinueWith(_ => { }, TaskScheduler.Default);
            return TaskOutcome.Success(JsonValue.Create("answered"));
        }
    }
}
