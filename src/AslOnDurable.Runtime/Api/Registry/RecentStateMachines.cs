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

    private readonly ConcurrentDictionary<string, (Task<StateMachineRecord?> Read, long ReadAt)> recent = new(StringComparer.Ordinal);

    /// <summary>
    /// The state machine, read from the registry unless a read began in the last <see cref="Freshness"/>: concurrent starts
    /// share one read (missing ones and failed reads are not kept).
    /// </summary>
    /// <param name="arn">The state machine ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record, or <c>null</c>.</returns>
    public async Task<StateMachineRecord?> GetAsync(string arn, CancellationToken cancellationToken)
    {
        long now = time.GetTimestamp();
        var kept = recent.AddOrUpdate(
            arn,
            static (key, state) => (state.Self.ReadAsync(key), state.Now),
            static (key, current, state) => state.Self.Fresh(current.ReadAt, state.Now) ? current : (state.Self.ReadAsync(key), state.Now),
            (Self: this, Now: now));
        try
        {
            StateMachineRecord? record = await kept.Read.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (record is null)
            {
                recent.TryRemove(new KeyValuePair<string, (Task<StateMachineRecord?>, long)>(arn, kept));
            }

            return record;
        }
        catch (Exception) when (kept.Read.IsFaulted || kept.Read.IsCanceled)
        {
            recent.TryRemove(new KeyValuePair<string, (Task<StateMachineRecord?>, long)>(arn, kept));
            throw;
        }
    }

    /// <summary>Drops what was read of a state machine (this host changed or deleted it).</summary>
    /// <param name="arn">The state machine ARN.</param>
    public void Forget(string arn) => recent.TryRemove(arn, out _);

    private bool Fresh(long readAt, long now) => time.GetElapsedTime(readAt, now) < Freshness;

    /// <summary>Reads the registry, not tied to one caller's cancellation (the read is shared).</summary>
    private Task<StateMachineRecord?> ReadAsync(string arn) => store.GetAsync(arn, CancellationToken.None);
}
