using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Forwards ASL history events only the first time the orchestrator produces them: events regenerated while
/// replaying are dropped, so a live sink (the CLI's progress output) sees each event once. Once <see cref="Close"/>d
/// (the orchestrator has ended the execution while the engine still runs, e.g. on the execution's
/// <c>TimeoutSeconds</c>) it drops every event: a late task answer records nothing after the end.
/// </summary>
/// <param name="context">The orchestration context.</param>
/// <param name="inner">Where new events go.</param>
internal class ReplaySafeHistorySink(TaskOrchestrationContext context, IHistorySink inner) : IHistorySink
{
    private bool closed;

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

    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        if (!Drops)
        {
            inner.Record(historyEvent);
        }
    }

    private sealed class Direct(TaskOrchestrationContext context, IHistorySink inner, IDirectHistorySink direct)
        : ReplaySafeHistorySink(context, inner), IDirectHistorySink
    {
        public void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, IReadOnlyList<KeyValuePair<string, string>>? assignedVariables)
        {
            if (!Drops)
            {
                direct.RecordState(id, previousEventId, type, timestamp, name, payload, exited, assignedVariables);
            }
        }

        public void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details)
        {
            if (!Drops)
            {
                direct.Record(id, previousEventId, type, timestamp, details);
            }
        }

        public void RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload)
        {
            if (!Drops)
            {
                direct.RecordPayload(id, previousEventId, type, timestamp, resource, member, payload);
            }
        }

        public void RecordFailure(long id, long previousEventId, string type, DateTimeOffset timestamp, string? error, string? cause)
        {
            if (!Drops)
            {
                direct.RecordFailure(id, previousEventId, type, timestamp, error, cause);
            }
        }

        public void RecordIteration(long id, long previousEventId, string type, DateTimeOffset timestamp, int index, string name)
        {
            if (!Drops)
            {
                direct.RecordIteration(id, previousEventId, type, timestamp, index, name);
            }
        }
    }
}
