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

    /// <summary>The events with the closing event added when it is missing.</summary>
    /// <param name="events">The recorded events.</param>
    /// <param name="outcome">Where the execution stands.</param>
    /// <returns>The complete history.</returns>
    public static IReadOnlyList<HistoryEvent> Complete(IReadOnlyList<HistoryEvent> events, ExecutionOutcome outcome)
    {
        if (outcome.StopDate is not { } stop || (events.Count > 0 && Closing.Contains(events[^1].Type)))
        {
            return events;
        }

        (string type, JsonObject details) = outcome.Status switch
        {
            "SUCCEEDED" => (HistoryEventTypes.ExecutionSucceeded, new JsonObject { ["output"] = outcome.Output }),
            "TIMED_OUT" => (HistoryEventTypes.ExecutionTimedOut, new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
            "ABORTED" => ("ExecutionAborted", new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
            _ => (HistoryEventTypes.ExecutionFailed, new JsonObject { ["error"] = outcome.Error, ["cause"] = outcome.Cause }),
        };
        long last = events.Count == 0 ? 0 : events.Max(e => e.Id);
        List<HistoryEvent> complete = [.. events];
        if (outcome.Status == "ABORTED")
        {
            foreach (HistoryEvent open in OpenMapRuns(events))
            {
                complete.Add(new HistoryEvent(last + 1, last, HistoryEventTypes.MapRunAborted, stop, null));
                last++;
            }
        }

        complete.Add(new HistoryEvent(last + 1, last, type, stop, details));
        return complete;
    }

    /// <summary>MapRunStarted events without a MapRunSucceeded/MapRunFailed after them (a stop aborts those map runs).</summary>
    private static List<HistoryEvent> OpenMapRuns(IReadOnlyList<HistoryEvent> events)
    {
        List<HistoryEvent> open = [];
        foreach (HistoryEvent e in events)
        {
            if (e.Type == HistoryEventTypes.MapRunStarted)
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
