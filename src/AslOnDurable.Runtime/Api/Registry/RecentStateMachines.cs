using System.Collections.Concurrent;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// The state machines this host started executions of in the last second, so a burst of StartExecution calls reads each
/// state machine from the registry once a second rather than once a start (with a storage connection, one Table Storage
/// round trip of the five a start costs). AWS allows it: executions started right after UpdateStateMachine may use the
/// previous definition. This host's own changes (<see cref="Forget"/>) are seen at once; another host's within a second.
/// Only starts read through it: every read-modify-write reads the registry itself.
/// </summary>
/// <param name="store">The registry.</param>
/// <param name="time">The clock.</param>
internal sealed class RecentStateMachines(IStateMachineStore store, TimeProvider time)
{
    /// <summary>How long a record read is used for starts.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (StateMachineRecord Record, long ReadAt)> recent = new(StringComparer.Ordinal);

    /// <summary>The state machine, read from the registry unless read in the last <see cref="Freshness"/> (missing ones are not kept).</summary>
    /// <param name="arn">The state machine ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record, or <c>null</c>.</returns>
    public async Task<StateMachineRecord?> GetAsync(string arn, CancellationToken cancellationToken)
    {
        long now = time.GetTimestamp();
        if (recent.TryGetValue(arn, out var kept) && time.GetElapsedTime(kept.ReadAt, now) < Freshness)
        {
            return kept.Record;
        }

        StateMachineRecord? record = await store.GetAsync(arn, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            recent.TryRemove(arn, out _);
        }
        else
        {
            recent[arn] = (record, now);
        }

        return record;
    }

    /// <summary>Drops what was read of a state machine (this host changed or deleted it).</summary>
    /// <param name="arn">The state machine ARN.</param>
    public void Forget(string arn) => recent.TryRemove(arn, out _);
}
