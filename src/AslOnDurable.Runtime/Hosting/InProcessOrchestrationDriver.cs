using System.Collections.Concurrent;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Runs one orchestration instance to its end in this process, without a <see cref="TaskHubWorker"/>, an orchestration
/// service or a <see cref="TaskHubClient"/>: what <c>asl run</c> needs for a one-shot execution in memory, started in a
/// fraction of the time. It is still a durable execution: every episode replays the instance's history through
/// DurableTask.Core's own <see cref="TaskOrchestrationExecutor"/> and the same orchestrator shim, the orchestrator's
/// actions become history events as <c>TaskOrchestrationDispatcher</c> records them, activities run through their
/// shims on the thread pool and come back as <see cref="TaskCompletedEvent"/>/<see cref="TaskFailedEvent"/>, timers
/// fire as <see cref="TimerFiredEvent"/> once due, and continue-as-new starts a new generation on a fresh history.
/// </summary>
/// <remarks>
/// It serves executions that need nothing from outside the instance: no sub-orchestrations (nested state machines,
/// distributed Map runs), external events (task token callbacks) or other instances (<see cref="CanRun"/> decides).
/// An orchestrator that asks for one anyway fails the run (<see cref="NotSupportedException"/>) rather than waiting
/// for a message that cannot come. History lives only as long as the run.
/// </remarks>
internal sealed class InProcessOrchestrationDriver : IExecutionClient, IDisposable
{
    private readonly DurableTaskCatalog catalog;
    private readonly DurableTaskShimFactory shims;
    private readonly CancellationTokenSource terminate = new();
    private readonly ConcurrentQueue<(string ExecutionId, HistoryEvent Event)> arrivals = new();
    private readonly SemaphoreSlim arrived = new(0);
    private Task<ExecutionSnapshot>? run;
    private string? terminateReason;

    /// <summary>Initializes a new instance of the <see cref="InProcessOrchestrationDriver"/> class.</summary>
    /// <param name="catalog">The orchestrators and activities the instance may call.</param>
    /// <param name="loggerFactory">The logger factory for the shims.</param>
    public InProcessOrchestrationDriver(DurableTaskCatalog catalog, ILoggerFactory loggerFactory)
    {
        this.catalog = catalog;
        shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = DurablePayloadConverter.Instance }, loggerFactory);
    }

    /// <summary>
    /// Whether a definition's executions can run on this driver: none of its states, at any depth, starts another
    /// state machine, waits for a task token or an activity worker, or runs a distributed Map.
    /// </summary>
    /// <param name="definition">The parsed definition, or <c>null</c> for one that does not compile (it fails at once).</param>
    /// <returns><c>true</c> when the execution needs no message from outside its own instance.</returns>
    public static bool CanRun(Core.Model.StateMachineDefinition? definition) =>
        definition is null || definition.States.Values.All(state => state switch
        {
            Core.Model.States.TaskState task => IsSelfContained(task.Resource),
            Core.Model.States.MapState map => map.ProcessorConfig.Mode != Core.Model.Map.MapMode.Distributed
                && map.ItemReader is null && map.ResultWriter is null && CanRun(map.ItemProcessor),
            Core.Model.States.ParallelState parallel => parallel.Branches.All(CanRun),
            _ => true,
        });

    /// <summary>Terminates the instance if it still runs, and frees the driver once its loop has ended.</summary>
    /// <remarks>Activities still running keep their answers to themselves.</remarks>
    public void Dispose()
    {
        terminate.Cancel();
        if (run is null || run.IsCompleted)
        {
            // A loop still running (inside an episode) takes the cancellation at its next wait; the GC frees the rest.
            terminate.Dispose();
            arrived.Dispose();
        }
    }

    /// <inheritdoc />
    public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (run is not null)
        {
            throw new InvalidOperationException("This driver runs one instance only.");
        }

        // Stored as a client would store it: the payload as a JSON string, which the orchestrator shim reads back.
        string? input = inputJson is null ? null : SerializedPayload.Wrap(inputJson);
        run = Task.Run(() => RunAsync(orchestratorName, instanceId, input), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(run is { IsCompletedSuccessfully: true } ? run.Result : null);

    /// <inheritdoc />
    public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) =>
        (run ?? throw new InvalidOperationException($"Instance '{instanceId}' was not started.")).WaitAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>The instance ends at its next wait; activities already running finish unobserved, as on a worker.</remarks>
    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        terminateReason = reason ?? string.Empty;
        terminate.Cancel();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) =>
        throw new NotSupportedException("An in-process one-shot execution takes no external events.");

    private static bool IsSelfContained(string resource) =>
        !resource.StartsWith(Core.Engine.StateMachines.StartExecutionTaskHandler.Resource, StringComparison.Ordinal)
        && !resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal)
        && !resource.Contains(":activity:", StringComparison.Ordinal);

    private async Task<ExecutionSnapshot> RunAsync(string name, string instanceId, string? input)
    {
        DateTime created = DateTime.UtcNow;
        List<HistoryEvent> history = [];
        List<HistoryEvent> incoming = [Started(name, instanceId, input)];
        List<(int Id, DateTime FireAt)> timers = [];
        OrchestrationInstance instance = ((ExecutionStartedEvent)incoming[0]).OrchestrationInstance;
        int outstanding = 0;
        while (true)
        {
            if (terminate.IsCancellationRequested)
            {
                // Between episodes, as a worker takes a termination: also ends loops that only continue as new.
                return Snapshot(instance, name, created, OrchestrationStatus.Terminated, input, terminateReason, null);
            }

            OrchestrationRuntimeState state = new(history);
            state.AddEvent(new OrchestratorStartedEvent(-1));
            foreach (HistoryEvent e in incoming)
            {
                state.AddEvent(e);
            }

            TaskOrchestration orchestration = shims.CreateOrchestration(new TaskName(name), Orchestrator(name));
            OrchestratorExecutionResult result = new TaskOrchestrationExecutor(
                state, orchestration, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.SerializeExceptions).Execute();
            OrchestrationCompleteOrchestratorAction? completion = null;
            foreach (OrchestratorAction action in result.Actions)
            {
                switch (action)
                {
                    case ScheduleTaskOrchestratorAction task:
                        TaskScheduledEvent scheduled = new(task.Id, task.Name ?? string.Empty, task.Version, task.Input) { Tags = task.Tags };
                        state.AddEvent(scheduled);
                        outstanding++;
                        RunActivity(instance, scheduled);
                        break;
                    case CreateTimerOrchestratorAction timer:
                        state.AddEvent(new TimerCreatedEvent(timer.Id, timer.FireAt));
                        timers.Add((timer.Id, timer.FireAt));
                        break;
                    case OrchestrationCompleteOrchestratorAction complete:
                        completion = complete;
                        break;
                    default:
                        throw new NotSupportedException(
                            $"The orchestration '{name}' asked for {action.OrchestratorActionType}, which a one-shot in-process execution does not run.");
                }
            }

            if (completion is not null)
            {
                if (completion.OrchestrationStatus == OrchestrationStatus.ContinuedAsNew)
                {
                    // A new generation: fresh history; what the old one left running is no longer awaited.
                    history = [];
                    incoming = [Started(name, instanceId, completion.Result)];
                    instance = ((ExecutionStartedEvent)incoming[0]).OrchestrationInstance;
                    timers.Clear();
                    outstanding = 0;
                    continue;
                }

                state.AddEvent(new ExecutionCompletedEvent(completion.Id, completion.Result, completion.OrchestrationStatus, completion.FailureDetails));
                state.AddEvent(new OrchestratorCompletedEvent(-1));
                return Snapshot(instance, name, created, completion.OrchestrationStatus, input, completion.Result, completion.FailureDetails);
            }

            state.AddEvent(new OrchestratorCompletedEvent(-1));
            history = [.. state.Events];
            if (OpenWork.IsFinished(orchestration.GetStatus()) && OpenWork.Answers(history) is { Count: > 0 } abandoned)
            {
                // The result is decided but abandoned calls are open: answer them as failed (their late answers are dropped).
                incoming = abandoned;
                outstanding = 0;
                continue;
            }

            if (outstanding == 0 && timers.Count == 0)
            {
                throw new NotSupportedException(
                    $"The orchestration '{name}' waits for a message from outside (an external event), which a one-shot in-process execution cannot receive.");
            }

            incoming = [];
            if (!await NextAsync(instance.ExecutionId, timers, incoming).ConfigureAwait(false))
            {
                return Snapshot(instance, name, created, OrchestrationStatus.Terminated, input, terminateReason, null);
            }

            outstanding -= incoming.Count(e => e is TaskCompletedEvent or TaskFailedEvent);
        }
    }

    /// <summary>
    /// Waits until an activity of this generation has answered or a timer is due, and takes every such event that has
    /// arrived (answers from a generation that continued as new are dropped, as a worker drops their messages).
    /// </summary>
    /// <returns><c>false</c> when the instance was terminated.</returns>
    private async Task<bool> NextAsync(string executionId, List<(int Id, DateTime FireAt)> timers, List<HistoryEvent> incoming)
    {
        while (true)
        {
            DateTime now = DateTime.UtcNow;
            foreach ((int id, DateTime fireAt) in timers.Where(t => t.FireAt <= now).ToArray())
            {
                incoming.Add(new TimerFiredEvent(-1, fireAt) { TimerId = id });
                timers.Remove((id, fireAt));
            }

            while (arrivals.TryDequeue(out (string ExecutionId, HistoryEvent Event) answer))
            {
                if (answer.ExecutionId == executionId)
                {
                    incoming.Add(answer.Event);
                }
            }

            if (terminate.IsCancellationRequested)
            {
                return false;
            }

            if (incoming.Count > 0)
            {
                return true;
            }

            // One permit per answer; a permit whose answer an earlier batch already took only wakes this loop once more.
            TimeSpan wait = timers.Count == 0 ? Timeout.InfiniteTimeSpan : Clamp(timers.Min(t => t.FireAt) - now);
            try
            {
                await arrived.WaitAsync(wait, terminate.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (terminate.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    private static TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : wait;

    private void RunActivity(OrchestrationInstance instance, TaskScheduledEvent scheduled) =>
        _ = Task.Run(async () =>
        {
            HistoryEvent answer;
            try
            {
                TaskActivity activity = shims.CreateActivity(new TaskName(scheduled.Name!), Activity(scheduled.Name!));
                TaskContext context = new(instance, scheduled.Name!, scheduled.Version, scheduled.EventId);
                string? output = await activity.RunAsync(context, scheduled.Input).ConfigureAwait(false);
                answer = new TaskCompletedEvent(-1, scheduled.EventId, output);
            }
#pragma warning disable CA1031 // An activity's exception is its failure, reported to the orchestrator as TaskActivityDispatcher does for shims.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                answer = new TaskFailedEvent(-1, scheduled.EventId, e.Message, null, new FailureDetails(e));
            }

            arrivals.Enqueue((instance.ExecutionId, answer));
            try
            {
                arrived.Release();
            }
            catch (ObjectDisposedException)
            {
                // The run has ended without this answer (completed, terminated, or timed out).
            }
        });

    private ITaskOrchestrator Orchestrator(string name) =>
        catalog.Orchestrators.TryGetValue(name, out Func<ITaskOrchestrator>? create)
            ? create()
            : throw new InvalidOperationException($"No orchestrator named '{name}' is registered.");

    private ITaskActivity Activity(string name) =>
        catalog.Activities.TryGetValue(name, out Func<ITaskActivity>? create)
            ? create()
            : throw new InvalidOperationException($"No activity named '{name}' is registered.");

    private static ExecutionStartedEvent Started(string name, string instanceId, string? input) =>
        new(-1, input!)
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") },
            Name = name,
            Version = string.Empty,
        };

    private static ExecutionSnapshot Snapshot(
        OrchestrationInstance instance, string name, DateTime created, OrchestrationStatus status, string? input, string? output, FailureDetails? failure) =>
        TaskHubExecutionClient.ToSnapshot(new OrchestrationState
        {
            OrchestrationInstance = instance,
            Name = name,
            OrchestrationStatus = status,
            CreatedTime = created,
            LastUpdatedTime = DateTime.UtcNow,
            Input = input!,
            Output = output!,
            FailureDetails = failure!,
        });
}
