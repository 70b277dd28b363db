using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using DurableTask.Core;
using DurableTask.Core.History;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// What an orchestration instance has asked for and not been answered (activities, sub-orchestrations), read from its
/// history, and the messages that close it when the instance no longer waits for it. DurableTask.Core completes an
/// orchestration only once none of its activities or sub-orchestrations is open and cannot cancel them, so a state
/// machine whose result is decided while a branch it abandoned still runs a Task (a failed Parallel or Map, a caught
/// failure, the execution's <c>TimeoutSeconds</c>) would stay RUNNING until that call answers. The orchestrator says
/// its result is decided with the custom status <see cref="StateMachineOrchestrator.FinishedStatus"/> (and has cancelled
/// its own timers by then); the open calls are then answered as failed (their late answers find the call closed or the
/// instance completed, and are dropped) and the open child executions are terminated, as AWS stops a <c>.sync</c>
/// child whose parent stops.
/// </summary>
internal static class OpenWork
{
    /// <summary>The reason given to the calls answered and the children terminated.</summary>
    public const string Reason = "The execution has closed; this work is no longer awaited.";

    private static readonly string QuotedFinished = "\"" + StateMachineOrchestrator.FinishedStatus + "\"";

    /// <summary>Whether a custom status (JSON text, as the shim stores it) says the orchestrator's result is decided.</summary>
    /// <param name="customStatus">The instance's custom status.</param>
    /// <returns><c>true</c> when it is <see cref="StateMachineOrchestrator.FinishedStatus"/>.</returns>
    public static bool IsFinished(string? customStatus) =>
        customStatus is not null && (customStatus == QuotedFinished || customStatus == StateMachineOrchestrator.FinishedStatus);

    /// <summary>
    /// Whether an instance is a map run whose record (its custom status) already has its end: a failing map run ends
    /// without waiting for the STANDARD children still running (<see cref="MapRunInput.AbortOnFailure"/>).
    /// </summary>
    /// <param name="name">The orchestration's name.</param>
    /// <param name="customStatus">Its custom status (the record's JSON text, as a JSON string when the shim stored it).</param>
    /// <returns><c>true</c> for a map run whose record is no longer RUNNING.</returns>
    internal static bool IsEndedMapRun(string? name, string? customStatus)
    {
        if (name != OrchestratorNames.MapRun || customStatus is not { Length: > 0 } || customStatus == "null")
        {
            return false;
        }

        string json = customStatus[0] == '"' ? JsonNode.Parse(customStatus)?.GetValue<string>() ?? string.Empty : customStatus;
        return json.Length > 0 && DurableJson.Deserialize<MapRunRecord>(json).Status != "RUNNING";
    }

    /// <summary>
    /// The messages an episode adds: for an instance still running whose result is decided, a failure for each open
    /// activity and sub-orchestration (to itself) and a termination for each open child; for a terminated instance
    /// (StopExecution), a termination for each open child. None otherwise.
    /// </summary>
    /// <param name="state">The instance's history after the episode.</param>
    /// <param name="status">The instance's status after the episode.</param>
    /// <param name="customStatus">Its custom status after the episode.</param>
    /// <returns>The messages to send with the episode's other orchestrator messages.</returns>
    public static List<TaskMessage> ClosingMessages(OrchestrationRuntimeState state, OrchestrationStatus status, string? customStatus)
    {
        ArgumentNullException.ThrowIfNull(state);
        bool finished = status == OrchestrationStatus.Running && (IsFinished(customStatus) || IsEndedMapRun(state.Name, customStatus));
        if (!finished && status != OrchestrationStatus.Terminated)
        {
            return [];
        }

        (List<int> tasks, List<(int Id, string InstanceId)> children) = Open(state.Events);
        List<TaskMessage> messages = [];
        foreach ((int id, string child) in children)
        {
            messages.Add(new TaskMessage
            {
                OrchestrationInstance = new OrchestrationInstance { InstanceId = child },
                Event = new ExecutionTerminatedEvent(-1, Reason),
            });
        }

        if (finished)
        {
            messages.AddRange(Answers(tasks, children).Select(answer => new TaskMessage
            {
                OrchestrationInstance = state.OrchestrationInstance,
                Event = answer,
            }));
        }

        return messages;
    }

    /// <summary>The events that answer every open activity and sub-orchestration of a history as failed.</summary>
    /// <param name="events">The history.</param>
    /// <returns>One failure event per open call.</returns>
    public static List<HistoryEvent> Answers(IEnumerable<HistoryEvent> events)
    {
        (List<int> tasks, List<(int Id, string InstanceId)> children) = Open(events);
        return Answers(tasks, children);
    }

    private static List<HistoryEvent> Answers(List<int> tasks, List<(int Id, string InstanceId)> children)
    {
        List<HistoryEvent> answers = [];
        foreach (int id in tasks)
        {
            answers.Add(new TaskFailedEvent(-1, id, Reason, null, Failure()));
        }

        foreach ((int id, string _) in children)
        {
            answers.Add(new SubOrchestrationInstanceFailedEvent(-1, id, Reason, null, Failure()));
        }

        return answers;
    }

    private static FailureDetails Failure() => new("AslOnDurable.WorkAbandoned", Reason, null, null, true);

    private static (List<int> Tasks, List<(int Id, string InstanceId)> Children) Open(IEnumerable<HistoryEvent> events)
    {
        Dictionary<int, bool> tasks = [];
        Dictionary<int, string> children = [];
        HashSet<int> answered = [];
        foreach (HistoryEvent e in events)
        {
            switch (e)
            {
                case TaskScheduledEvent scheduled:
                    tasks[scheduled.EventId] = true;
                    break;
                case SubOrchestrationInstanceCreatedEvent created:
                    children[created.EventId] = created.InstanceId;
                    break;
                case TaskCompletedEvent completed:
                    answered.Add(completed.TaskScheduledId);
                    break;
                case TaskFailedEvent failed:
                    answered.Add(failed.TaskScheduledId);
                    break;
                case SubOrchestrationInstanceCompletedEvent childCompleted:
                    answered.Add(childCompleted.TaskScheduledId);
                    break;
                case SubOrchestrationInstanceFailedEvent childFailed:
                    answered.Add(childFailed.TaskScheduledId);
                    break;
            }
        }

        return (
            [.. tasks.Keys.Where(id => !answered.Contains(id))],
            [.. children.Where(c => !answered.Contains(c.Key)).Select(c => (c.Key, c.Value))]);
    }
}
