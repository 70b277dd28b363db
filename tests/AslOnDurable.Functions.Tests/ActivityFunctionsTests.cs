using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await new ActivityFunctions(tasks.Object, telemetry, Terminations()).RunTaskAsync(request, client.Object));

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

        string answer = await new ActivityFunctions(handler, telemetry, Terminations()).RunTaskAsync(request, client.Object).WaitAsync(TimeSpan.FromMinutes(1));

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

        string answer = await new ActivityFunctions(handler, telemetry, Terminations()).RunTaskAsync(request, client.Object).WaitAsync(TimeSpan.FromMinutes(1));

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

        string requested = await Functions().CloseChildrenAsync(request, client.Object, CancellationToken.None);

        Assert.Equal("2", requested);
        foreach (string child in new[] { "child-1", "gone", "map-run-1" })
        {
            client.Verify(c => c.TerminateInstanceAsync(child, It.Is<TerminateInstanceOptions?>(o => o != null && o.Recursive), It.IsAny<CancellationToken>()), Times.Once());
        }
    }

    [Fact]
    public async Task CloseChildren_MapRunChildren_RecordedAbortedInTheIndex_ClosedOnesKeepTheirStatus()
    {
        // A failing map run ends without its running STANDARD children: the host records no termination, so the activity
        // records what it terminates; a child that ended on its own keeps its status, one already terminated gets its stop time.
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        using ServiceProvider services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddStepFunctionsApi().BuildServiceProvider();
        MapRunChildren children = await MapRunChildren.RecordAsync(services, clock.GetUtcNow().AddMinutes(-5), "held", "aborted", "done", "finished");
        await services.GetRequiredService<ExecutionClosings>().RecordAsync(MapRunChildren.InstanceId("done"), "SUCCEEDED", clock.GetUtcNow().AddMinutes(-1), CancellationToken.None);
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test");
        DateTimeOffset terminatedAt = clock.GetUtcNow().AddSeconds(-30);
        children.Backend(client, "held", OrchestrationRuntimeStatus.Running);
        children.Backend(client, "aborted", OrchestrationRuntimeStatus.Terminated, terminatedAt);
        children.Backend(client, "done", OrchestrationRuntimeStatus.Completed);
        children.Backend(client, "finished", OrchestrationRuntimeStatus.Completed); // ended on its own; its closing not in the index yet
        client.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        string request = DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, [.. new[] { "held", "aborted", "done", "finished" }.Select(MapRunChildren.InstanceId)]));

        string requested = await Functions(services).CloseChildrenAsync(request, client.Object, CancellationToken.None);

        Assert.Equal("1", requested);
        client.Verify(c => c.TerminateInstanceAsync(MapRunChildren.InstanceId("held"), It.Is<TerminateInstanceOptions?>(o => o != null && o.Recursive), It.IsAny<CancellationToken>()), Times.Once());
        client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once());
        Assert.Equal(
            [("held", "ABORTED", clock.GetUtcNow()), ("aborted", "ABORTED", terminatedAt), ("done", "SUCCEEDED", clock.GetUtcNow().AddMinutes(-1)), ("finished", "RUNNING", (DateTimeOffset?)null)],
            await children.ListedAsync(services, client));
    }

    [Fact]
    public async Task CloseChildren_MapRun_TerminatedAndWaitedFor_ThenItsChildrenRecordedAborted()
    {
        // A parent decided while its Distributed Map runs (its TimeoutSeconds): the map run is terminated (recursively: its
        // first-run children stop with it) and, once it has closed, its children in the index are gone through; "redriven"
        // was redriven in place (an instance of its own) and still runs.
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        using ServiceProvider services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddStepFunctionsApi().BuildServiceProvider();
        MapRunChildren children = await MapRunChildren.RecordAsync(services, clock.GetUtcNow().AddMinutes(-5), "first", "redriven");
        Mock<DurableTaskClient> client = new(MockBehavior.Strict, "test");
        string mapRun = MapRunInstanceIds.FromArn(MapRunChildren.MapRunArn);
        bool stopped = false;
        OrchestrationMetadata MapRun() => new(OrchestratorNames.MapRun, mapRun) { RuntimeStatus = stopped ? OrchestrationRuntimeStatus.Terminated : OrchestrationRuntimeStatus.Running };
        client.Setup(c => c.GetInstancesAsync(mapRun, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(MapRun);
        client.Setup(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        client.Setup(c => c.TerminateInstanceAsync(mapRun, It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => stopped = true).Returns(Task.CompletedTask);
        client.Setup(c => c.WaitForInstanceCompletionAsync(mapRun, It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(MapRun);
        DateTimeOffset terminatedAt = clock.GetUtcNow().AddSeconds(1);
        children.Backend(client, "first", OrchestrationRuntimeStatus.Terminated, terminatedAt);
        children.Backend(client, "redriven", OrchestrationRuntimeStatus.Running);
        string request = DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, [mapRun]));

        string requested = await Functions(services).CloseChildrenAsync(request, client.Object, CancellationToken.None);

        Assert.Equal("1", requested);
        client.Verify(c => c.TerminateInstanceAsync(MapRunChildren.InstanceId("redriven"), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once());
        client.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal([("first", "ABORTED", terminatedAt), ("redriven", "ABORTED", clock.GetUtcNow())], await children.ListedAsync(services, client));
    }

    private static ActivityFunctions Functions(IServiceProvider? services = null) =>
        ActivatorUtilities.CreateInstance<ActivityFunctions>(services ?? new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider());

    private static IChildTerminations Terminations() =>
        new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider().GetRequiredService<IChildTerminations>();

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
