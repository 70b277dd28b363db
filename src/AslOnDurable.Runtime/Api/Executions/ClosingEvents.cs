using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Ends a closed execution's history with its closing event when the engine could not record one: a stop
/// (ExecutionAborted with StopExecution's error and cause, after MapRunAborted for each map run still open), the execution's own <c>TimeoutSeconds</c> firing in the
/// orchestrator (ExecutionTimedOut), or a failure outside the interpreter (ExecutionFailed).
/// </summary>
internal static class ClosingEvents
{
    private static readonly HashSet<string> Closing = new(StringComparer.Ordinal)
    {
        HistoryEventTypes.ExecutionSucceeded, HistoryEventTypes.ExecutionFailed, HistoryEventTypes.ExecutionTimedOut, "ExecutionAborted",
    };

    /// <summary>Whether a closed execution's history lacks its closing event (<see cref="Complete"/> would add it).</summary>
    /// <param name="last">The last recorded event, or <c>null</c> when none.</param>
    /// <param name="outcome">Where the execution stands.</param>
    /// <returns>Whether it lacks it.</returns>
    public static bool Lacks(HistoryEvent? last, ExecutionOutcome outcome) =>
        outcome.StopDate is not null && (last is null || !Closing.Contains(last.Type));

    /// <summary>The events with the closing event added when it is missing.</summary>
    /// <param name="events">The recorded events.</param>
    /// <param name="outcome">Where the execution stands.</param>
    /// <returns>The complete history.</returns>
    public static IReadOnlyList<HistoryEvent> Complete(IReadOnlyList<HistoryEvent> events, ExecutionOutcome outcome)
    {
        if (!Lacks(events.Count > 0 ? events[^1] : null, outcome))
        {
            return events;
        }

        DateTimeOffset stop = outcome.StopDate!.Value;

        (string type, JsonObject details) = outcome.Status switch
        {
            "SUCCEEDED" => (HistoryEventTypes.ExecutionSucceeded, new JsonObject { ["output"] = outcome.Output }),
            "TIMED_OUT" => (HistoryEventTypes.ExecutionTimedOut, new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
            "ABORTED" => ("ExecutionAborted", new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
            _ => (HistoryEventTypes.ExecutionFailed, new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
        };
        List<HistoryEvent> complete = [.. events];
        if (outcome.Status == "ABORTED")
        {
            // A stop aborts the map runs still open: MapRunAborted for each, before the execution's own closing event.
            foreach (HistoryEvent open in OpenMapRuns(events))
            {
                complete.Add(Next(complete, HistoryEventTypes.MapRunAborted, null, stop));
            }
        }

        complete.Add(Next(complete, type, details, stop));
        return complete;
    }

    /// <summary>The ExecutionAborted event that ends a stopped execution's recorded events.</summary>
    /// <param name="events">The events recorded so far.</param>
    /// <param name="error">StopExecution's error.</param>
    /// <param name="cause">StopExecution's cause.</param>
    /// <param name="at">When it was stopped.</param>
    /// <returns>The event, numbered after the last one.</returns>
    public static HistoryEvent Aborted(IReadOnlyList<HistoryEvent> events, string? error, string? cause, DateTimeOffset at) =>
        Next(events, "ExecutionAborted", new JsonObject { ["error"] = error, ["cause"] = cause }, at);

    private static HistoryEvent Next(IReadOnlyList<HistoryEvent> events, string type, JsonObject? details, DateTimeOffset at)
    {
        long last = events.Count == 0 ? 0 : events.Max(e => e.Id);
        return new HistoryEvent(last + 1, last, type, at, details);
    }

    /// <summary>MapRunStarted/MapRunRedriven events without a MapRunSucceeded/MapRunFailed after them (a stop aborts those map runs).</summary>
    private static List<HistoryEvent> OpenMapRuns(IReadOnlyList<HistoryEvent> events)
    {
        List<HistoryEvent> open = [];
        foreach (HistoryEvent e in events)
        {
            if (e.Type is HistoryEventTypes.MapRunStarted or HistoryEventTypes.MapRunRedriven)
            {
                open.Add(e);
            }
            else if (e.Type is HistoryEventTypes.MapRunSucceeded or HistoryEventTypes.MapRunFailed && open.Count > 0)
            {
                open.RemoveAt(open.Count - 1);
            }
        }

        return open;
    }
}
