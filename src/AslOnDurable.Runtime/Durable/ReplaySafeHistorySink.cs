using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Forwards ASL history events only the first time the orchestrator produces them: events regenerated while
/// replaying are dropped, so a live sink (the CLI's progress output) sees each event once. Once <see cref="Close"/>d
/// (the orchestrator has ended the execution while the engine still runs, e.g. on the execution's
/// <c>TimeoutSeconds</c>) it drops every event: a late task answer records nothing after the end. It follows the ids of
/// the events it sees (replayed ones too), so the orchestrator can end the history with the closing event the engine
/// never records (<see cref="CloseWith"/>: its own timeout, a failure outside the interpreter), numbered after the last.
/// </summary>
/// <param name="context">The orchestration context.</param>
/// <param name="inner">Where new events go.</param>
internal class ReplaySafeHistorySink(TaskOrchestrationContext context, IHistorySink inner) : IHistorySink
{
    private bool closed;
    private bool closing; // the engine recorded the execution's closing event
    private long lastId;

    /// <summary>
    /// The replay-safe sink over <paramref name="inner"/>: one the engine records into directly when
    /// <paramref name="inner"/> takes events that way (the API host's history, <see cref="CompactHistorySink"/>).
    /// </summary>
    public static ReplaySafeHistorySink For(TaskOrchestrationContext context, IHistorySink inner) =>
        inner is IDirectHistorySink direct ? new Direct(context, inner, direct) : new ReplaySafeHistorySink(context, inner);

    /// <summary>Whether events are dropped: the orchestrator is replaying (they are not new), or the sink is closed.</summary>
    protected bool Drops => closed || context.IsReplaying;

    /// <summary>Drops every later event: the execution has ended (what the engine still does is not its history).</summary>
    public void Close() => closed = true;

    /// <summary>Continues numbering after <paramref name="id"/> (a generation resumed from a checkpoint).</summary>
    /// <param name="id">The last event id of the earlier generations.</param>
    public void ContinueFrom(long id) => lastId = Math.Max(lastId, id);

    /// <summary>
    /// Ends the history with a closing event the engine did not record (ExecutionTimedOut, ExecutionFailed; not when
    /// it recorded one itself, nor while replaying: it was recorded the first time), then <see cref="Close"/>s: the
    /// history store passes it on to the execution index as it does the engine's.
    /// </summary>
    /// <param name="type">The closing event type.</param>
    /// <param name="at">When the execution closed (the orchestration's clock).</param>
    /// <param name="error">The error.</param>
    /// <param name="cause">The cause, or <c>null</c>.</param>
    public void CloseWith(string type, DateTimeOffset at, string error, string? cause)
    {
        if (!Drops && !closing)
        {
            long id = lastId + 1;
            if (inner is IDirectHistorySink direct)
            {
                direct.RecordFailure(id, lastId, type, at, error, cause);
            }
            else
            {
                inner.Record(new HistoryEvent(id, lastId, type, at, new JsonObject { ["error"] = error, ["cause"] = cause }));
            }

            lastId = id;
        }

        Close();
    }

    /// <summary>Follows the ids the engine gives (replayed events included) and whether it closed the history itself.</summary>
    protected void Saw(long id, string type)
    {
        lastId = Math.Max(lastId, id);
        closing |= type is HistoryEventTypes.ExecutionSucceeded or HistoryEventTypes.ExecutionFailed or HistoryEventTypes.ExecutionTimedOut;
    }

    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        Saw(historyEvent.Id, historyEvent.Type);
        if (!Drops)
        {
            inner.Record(historyEvent);
        }
    }

    private sealed class Direct(TaskOrchestrationContext context, IHistorySink inner, IDirectHistorySink direct)
        : ReplaySafeHistorySink(context, inner), IDirectHistorySink
    {
        public void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, AssignedVariableTexts assignedVariables)
        {
            Saw(id, type);
            if (!Drops)
            {
                direct.RecordState(id, previousEventId, type, timestamp, name, payload, exited, assignedVariables);
            }
        }

        public void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details)
        {
            Saw(id, type);
            if (!Drops)
            {
                direct.Record(id, previousEventId, type, timestamp, details);
            }
        }

        public void RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload)
        {
            Saw(id, type);
            if (!Drops)
            {
                direct.RecordPayload(id, previousEventId, type, timestamp, resource, member, payload);
            }
        }

        public void RecordFailure(long id, long previousEventId, string type, DateTimeOffset timestamp, string? error, string? cause)
        {
            Saw(id, type);
            if (!Drops)
            {
                direct.RecordFailure(id, previousEventId, type, timestamp, error, cause);
            }
        }

        public void RecordIteration(long id, long previousEventId, string type, DateTimeOffset timestamp, int index, string name)
        {
            Saw(id, type);
            if (!Drops)
            {
                direct.RecordIteration(id, previousEventId, type, timestamp, index, name);
            }
        }
    }
}
