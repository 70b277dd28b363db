using System.Text.Json;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// A deterministic single-instance backend for tests: DurableTask.Core's own <see cref="TaskOrchestrationExecutor"/>
/// replays the whole history through a fresh shim of <see cref="StateMachineOrchestrator"/> every episode (as a
/// worker without extended sessions does), activities run through their shim at once, and timers fire on a virtual
/// clock — so Wait and Retry cost no real time. The history it builds is the one a real backend would record.
/// </summary>
/// <remarks>
/// DurableTask.Core completes an orchestration only once no task is open: when the orchestrator returns while an
/// activity it abandoned is still running, the instance finishes when that activity does. When nothing else can
/// happen, the driver calls <paramref name="whenIdle"/> (a test releases its hung activities there).
/// </remarks>
/// <param name="tasks">Runs the task activities.</param>
/// <param name="whenIdle">Called once when nothing else can happen.</param>
/// <param name="maxEpisodes">Fails the run after this many episodes.</param>
/// <param name="historySinks">ASL history sinks by instance id.</param>
/// <param name="events">External events raised at virtual times after the start; built when delivered.</param>
internal sealed class ReplayDriver(
    ITaskHandler tasks, Action? whenIdle = null, int maxEpisodes = 10_000, Func<string, AslOnDurable.Core.Engine.History.IHistorySink?>? historySinks = null,
    IReadOnlyList<ScheduledEvent>? events = null)
{
    public static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);

    /// <summary>Runs an orchestration to its end and returns the history and the output text.</summary>
    public async Task<DrivenRun> RunAsync(string instanceId, string inputJson, ExecutionPlanCache plans)
    {
        OrchestrationInstance instance = new() { InstanceId = instanceId, ExecutionId = "e1" };
        DateTime now = Start;
        List<HistoryEvent> history = NewGeneration(instance, JsonSerializer.Serialize(inputJson), now);
        int newFrom = 0; // where the next episode's new events start
        List<IReadOnlyList<HistoryEvent>> generations = [];
        List<(int Id, Task<string> Result)> activities = [];
        List<(int Id, Task<string> Result)> children = []; // sub-orchestrations: serialized output of each child run
        List<(int Id, DateTime FireAt)> timers = [];
        List<ScheduledEvent> raised = [.. events ?? []];
        for (int episode = 0; episode < maxEpisodes; episode++)
        {
            bool continuedAsNew = false;
            foreach (OrchestratorAction action in Replay(history, newFrom, plans, historySinks))
            {
                switch (action)
                {
                    case OrchestrationCompleteOrchestratorAction { OrchestrationStatus: OrchestrationStatus.ContinuedAsNew } next:
                        // Like a backend: close this execution, start the next one of the same instance with the new
                        // input and an empty history; results of tasks the old one left open are discarded.
                        history.Add(new ExecutionCompletedEvent(next.Id, next.Result, next.OrchestrationStatus, null) { Timestamp = now });
                        history.Add(new OrchestratorCompletedEvent(-1) { Timestamp = now });
                        generations.Add(history);
                        instance = new() { InstanceId = instanceId, ExecutionId = "e" + (generations.Count + 1) };
                        history = NewGeneration(instance, next.Result!, now);
                        newFrom = 0;
                        activities.Clear();
                        children.Clear();
                        timers.Clear();
                        continuedAsNew = true;
                        break;
                    case ScheduleTaskOrchestratorAction task:
                        history.Add(new TaskScheduledEvent(task.Id, task.Name!, task.Version, task.Input) { Timestamp = now });
                        TaskActivity shim = Shims.CreateActivity(new TaskName(task.Name!), new StateMachineTaskActivity(tasks));
                        activities.Add((task.Id, shim.RunAsync(new TaskContext(instance), task.Input)));
                        break;
                    case CreateSubOrchestrationAction child:
                        // A sub-orchestration runs to its end on a driver of its own (same handlers and plans); its
                        // completion is delivered like an activity result.
                        history.Add(new SubOrchestrationInstanceCreatedEvent(child.Id) { Name = child.Name, Version = child.Version, InstanceId = child.InstanceId, Input = child.Input, Timestamp = now });
                        children.Add((child.Id, RunChildAsync(child.InstanceId!, JsonSerializer.Deserialize<string>(child.Input!)!, plans)));
                        break;
                    case CreateTimerOrchestratorAction timer:
                        history.Add(new TimerCreatedEvent(timer.Id, timer.FireAt) { Timestamp = now });
                        timers.Add((timer.Id, timer.FireAt));
                        break;
                    case OrchestrationCompleteOrchestratorAction done:
                        history.Add(new ExecutionCompletedEvent(done.Id, done.Result, done.OrchestrationStatus, done.FailureDetails) { Timestamp = now });
                        history.Add(new OrchestratorCompletedEvent(-1) { Timestamp = now });
                        generations.Add(history);
                        return new DrivenRun(history, done.OrchestrationStatus, done.OrchestrationStatus == OrchestrationStatus.Completed && done.Result is not null ? JsonSerializer.Deserialize<string>(done.Result) : null, done.FailureDetails)
                        {
                            Generations = generations,
                        };
                    default:
                        throw new NotSupportedException($"The driver does not handle {action.GetType().Name}.");
                }

                if (continuedAsNew)
                {
                    break;
                }
            }

            if (continuedAsNew)
            {
                continue;
            }

            history.Add(new OrchestratorCompletedEvent(-1) { Timestamp = now });
            List<HistoryEvent> delivered = [];
            foreach ((int id, Task<string> result) in activities.Where(a => a.Result.IsCompleted).ToList())
            {
                delivered.Add(new TaskCompletedEvent(-1, id, await result));
                activities.RemoveAll(a => a.Id == id);
            }

            foreach ((int id, Task<string> result) in children.Where(c => c.Result.IsCompleted).ToList())
            {
                delivered.Add(new SubOrchestrationInstanceCompletedEvent(-1, id, await result));
                children.RemoveAll(c => c.Id == id);
            }

            if (delivered.Count == 0)
            {
                if (children.Count > 0)
                {
                    await Task.WhenAny(children.Select(c => c.Result));
                    history.RemoveAt(history.Count - 1);
                    continue;
                }

                if (timers.Count == 0 && activities.Count > 0 && whenIdle is not null)
                {
                    whenIdle();
                    whenIdle = null;
                    await Task.WhenAny(activities.Select(a => a.Result));
                    history.RemoveAt(history.Count - 1);
                    continue;
                }

                if (timers.Count == 0 && raised.Count == 0)
                {
                    throw new InvalidOperationException($"The orchestration (generation {generations.Count + 1}) waits on nothing the driver can deliver: " + string.Join(", ", history.Select(h => h is TimerCreatedEvent t ? $"TimerCreated({t.EventId} {t.FireAt:HH:mm:ss})" : h is TimerFiredEvent f ? $"TimerFired({f.TimerId})" : h.EventType.ToString())));
                }

                DateTime fireAt = timers.Select(t => t.FireAt).Concat(raised.Select(r => Start + r.At)).Min();
                now = fireAt > now ? fireAt : now;
                foreach (ScheduledEvent due in raised.Where(r => Start + r.At <= now).ToList())
                {
                    (string name, string payload) = due.Build();
                    delivered.Add(new EventRaisedEvent(-1, JsonSerializer.Serialize(payload)) { Name = name });
                    raised.Remove(due);
                }

                foreach ((int id, DateTime due) in timers.Where(t => t.FireAt <= now).ToList())
                {
                    delivered.Add(new TimerFiredEvent(-1, due) { TimerId = id });
                    timers.RemoveAll(t => t.Id == id);
                }
            }

            newFrom = history.Count;
            history.Add(new OrchestratorStartedEvent(-1) { Timestamp = now });
            foreach (HistoryEvent e in delivered)
            {
                e.Timestamp = now;
                history.Add(e);
            }
        }

        throw new InvalidOperationException($"The orchestration did not finish in {maxEpisodes} episodes.");
    }

    /// <summary>Gets the runs of sub-orchestrations this driver started, by instance id.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, DrivenRun> Children { get; } = new(StringComparer.Ordinal);

    private async Task<string> RunChildAsync(string instanceId, string inputJson, ExecutionPlanCache plans)
    {
        ReplayDriver driver = new(tasks, null, maxEpisodes, historySinks);
        DrivenRun run = await driver.RunAsync(instanceId, inputJson, plans);
        Children[instanceId] = run;
        foreach ((string id, DrivenRun grandchild) in driver.Children)
        {
            Children[id] = grandchild;
        }

        return JsonSerializer.Serialize(run.Output);
    }

    private static List<HistoryEvent> NewGeneration(OrchestrationInstance instance, string serializedInput, DateTime now) =>
    [
        new OrchestratorStartedEvent(-1) { Timestamp = now },
        new ExecutionStartedEvent(-1, serializedInput) { Name = OrchestratorNames.StateMachine, Version = string.Empty, OrchestrationInstance = instance, Timestamp = now },
    ];

    /// <summary>Replays a history through a fresh orchestrator and returns the actions it asks for next.</summary>
    /// <remarks>
    /// Events before <paramref name="newFrom"/> are past (played in earlier episodes: the orchestrator replays them with
    /// <c>IsReplaying</c> set), the rest are the episode's new events, as a backend delivers them.
    /// </remarks>
    public static IReadOnlyList<OrchestratorAction> Replay(IList<HistoryEvent> history, int newFrom, ExecutionPlanCache plans, Func<string, AslOnDurable.Core.Engine.History.IHistorySink?>? historySinks = null)
    {
        TaskOrchestration shim = Shims.CreateOrchestration(new TaskName(OrchestratorNames.StateMachine), new StateMachineOrchestrator(plans, historySinks), parent: null);
        OrchestrationRuntimeState state = new([.. history.Take(newFrom)]);
        foreach (HistoryEvent e in history.Skip(newFrom))
        {
            state.AddEvent(e);
        }

        TaskOrchestrationExecutor executor = new(state, shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        return [.. executor.Execute().Actions];
    }
}

/// <summary>An external event the driver raises once virtual time reaches <see cref="At"/> after the start.</summary>
/// <param name="At">When, after <see cref="ReplayDriver.Start"/>.</param>
/// <param name="Build">Makes the event's name and payload (JSON text) when it is delivered.</param>
internal sealed record ScheduledEvent(TimeSpan At, Func<(string Name, string Payload)> Build);

/// <summary>The outcome of a driven run: <see cref="History"/> is the last generation's.</summary>
internal sealed record DrivenRun(IReadOnlyList<HistoryEvent> History, OrchestrationStatus Status, string? Output, FailureDetails? Failure)
{
    /// <summary>Gets the history of every generation (continue-as-new), the last one included, in order.</summary>
    public IReadOnlyList<IReadOnlyList<HistoryEvent>> Generations { get; init; } = [];
}
