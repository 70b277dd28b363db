using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class ScratchTests
{
    private sealed class Race : TaskOrchestrator<string, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
        {
            Task<string> call = context.CallActivityAsync<string>("A", "x");
            using CancellationTokenSource cts = new();
            Task timer = context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(1), CancellationToken.None);
            Task w = await Task.WhenAny(call, timer);
            return w == timer ? "timer" : "call";
        }
    }

    [Fact]
    public void Scratch()
    {
        DateTime now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        OrchestrationInstance instance = new() { InstanceId = "i", ExecutionId = "e" };
        List<HistoryEvent> h =
        [
            new OrchestratorStartedEvent(-1) { Timestamp = now },
            new ExecutionStartedEvent(-1, "\"in\"") { Name = "R", Version = "", OrchestrationInstance = instance, Timestamp = now },
            new TaskScheduledEvent(0, "A", null, "\"x\""),
            new TimerCreatedEvent(1, now.AddSeconds(1)),
            new OrchestratorCompletedEvent(-1),
            new OrchestratorStartedEvent(-1) { Timestamp = now.AddSeconds(1) },
            new TimerFiredEvent(-1, now.AddSeconds(1)) { TimerId = 1 },
        ];
        DurableTaskShimFactory shims = new(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
        TaskOrchestration shim = shims.CreateOrchestration(new TaskName("R"), new Race(), parent: null);
        var result = new TaskOrchestrationExecutor(new OrchestrationRuntimeState(h), shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails).Execute();
        Assert.Equal("x", string.Join(",", result.Actions.Select(a => a.OrchestratorActionType + " " + (a as DurableTask.Core.Command.OrchestrationCompleteOrchestratorAction)?.Result)));
    }
}
