using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Core.Engine.InMemory;

/// <summary>
/// The <see cref="ITaskClock"/> of one attempt in the in-memory host: tracks the <c>TimeoutSeconds</c> deadline and
/// the heartbeat window over the host's (possibly virtual) clock.
/// </summary>
internal sealed class InMemoryTaskClock : ITaskClock, IDisposable
{
    private readonly InMemoryExecutionHost host;
    private readonly DateTimeOffset? deadline;
    private readonly TimeSpan? heartbeat;
    private readonly CancellationTokenSource abandoned = new();
    private DateTimeOffset lastHeartbeat;

    /// <summary>Starts the clock of an attempt.</summary>
    public InMemoryTaskClock(InMemoryExecutionHost host, int? timeoutSeconds, int? heartbeatSeconds)
    {
        this.host = host;
        var start = host.UtcNow;
        lastHeartbeat = start;
        deadline = timeoutSeconds is > 0 and { } timeout ? start.AddSeconds(timeout) : null;
        heartbeat = heartbeatSeconds is > 0 and { } beat ? TimeSpan.FromSeconds(beat) : null;
    }

    /// <summary>Set once the attempt timed out: <see langword="true"/> for a missed heartbeat, else the overall timeout.</summary>
    public bool? TimedOutByHeartbeat { get; private set; }

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => host.UtcNow;

    /// <inheritdoc/>
    public CancellationToken Abandoned => abandoned.Token;

    /// <summary>The earliest moment the attempt times out, and whether that is the heartbeat; null when unbounded.</summary>
    public (DateTimeOffset At, bool Heartbeat)? NextCutoff
    {
        get
        {
            DateTimeOffset? beat = heartbeat is { } window ? lastHeartbeat + window : null;
            return (deadline, beat) switch
            {
                (null, null) => null,
                ({ } d, null) => (d, false),
                (null, { } b) => (b, true),
                ({ } d, { } b) => b < d ? (b, true) : (d, false),
            };
        }
    }

    /// <inheritdoc/>
    public async ValueTask DelayAsync(TimeSpan delay)
    {
        abandoned.Token.ThrowIfCancellationRequested();
        var target = host.UtcNow + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        if (NextCutoff is { } cutoff && target > cutoff.At)
        {
            await host.WaitUntilAsync(cutoff.At);
            Expire(cutoff.Heartbeat);
            abandoned.Token.ThrowIfCancellationRequested();
        }

        await host.WaitUntilAsync(target);
    }

    /// <inheritdoc/>
    public void SendHeartbeat()
    {
        if (TimedOutByHeartbeat is null)
        {
            lastHeartbeat = host.UtcNow;
        }
    }

    /// <summary>Marks the attempt timed out (first cause wins) and cancels <see cref="Abandoned"/>.</summary>
    public void Expire(bool byHeartbeat)
    {
        if (TimedOutByHeartbeat is null)
        {
            TimedOutByHeartbeat = byHeartbeat;
            abandoned.Cancel();
        }
    }

    /// <summary>Checks, after the work returned, whether time already passed a cutoff (work that moved the clock itself).</summary>
    public void CheckElapsed()
    {
        if (NextCutoff is { } cutoff && host.UtcNow > cutoff.At)
        {
            Expire(cutoff.Heartbeat);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => abandoned.Dispose();
}
