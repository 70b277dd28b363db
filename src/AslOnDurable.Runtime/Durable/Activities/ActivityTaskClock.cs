using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// The <see cref="ITaskClock"/> a task handler gets inside <see cref="StateMachineTaskActivity"/>: real time, the
/// attempt's <c>TimeoutSeconds</c> deadline and <c>HeartbeatSeconds</c> window, as the in-memory host enforces them.
/// The orchestrator also races <c>TimeoutSeconds</c> with a durable timer, so a handler that never looks at the clock
/// still times out; the heartbeat window is enforced only through this clock.
/// </summary>
internal sealed class ActivityTaskClock : ITaskClock, IDisposable
{
    private readonly TimeProvider time;
    private readonly DateTimeOffset? deadline;
    private readonly TimeSpan? heartbeat;
    private readonly CancellationTokenSource abandoned = new();
    private DateTimeOffset lastHeartbeat;

    /// <summary>Initializes a new instance of the <see cref="ActivityTaskClock"/> class and starts the attempt's clock.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="timeoutSeconds">The attempt's <c>TimeoutSeconds</c>, if any.</param>
    /// <param name="heartbeatSeconds">The attempt's <c>HeartbeatSeconds</c>, if any.</param>
    public ActivityTaskClock(TimeProvider time, int? timeoutSeconds, int? heartbeatSeconds)
    {
        this.time = time;
        DateTimeOffset start = time.GetUtcNow();
        StartedAt = start;
        lastHeartbeat = start;
        deadline = timeoutSeconds is > 0 and { } timeout ? start.AddSeconds(timeout) : null;
        heartbeat = heartbeatSeconds is > 0 and { } beat ? TimeSpan.FromSeconds(beat) : null;
    }

    /// <summary>Gets when the attempt's clock started.</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary>Gets whether the attempt timed out: <c>true</c> for a missed heartbeat, <c>false</c> for the timeout, <c>null</c> if not.</summary>
    public bool? TimedOutByHeartbeat { get; private set; }

    /// <inheritdoc />
    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <inheritdoc />
    public CancellationToken Abandoned => abandoned.Token;

    /// <inheritdoc />
    public async ValueTask DelayAsync(TimeSpan delay)
    {
        abandoned.Token.ThrowIfCancellationRequested();
        DateTimeOffset now = time.GetUtcNow();
        DateTimeOffset target = now + (delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        DateTimeOffset? beat = heartbeat is { } window ? lastHeartbeat + window : null;
        (DateTimeOffset At, bool Heartbeat)? cutoff = (deadline, beat) switch
        {
            (null, null) => null,
            ({ } d, null) => (d, false),
            (null, { } b) => (b, true),
            ({ } d, { } b) => b < d ? (b, true) : (d, false),
        };
        if (cutoff is { } c && target > c.At)
        {
            await Task.Delay(c.At > now ? c.At - now : TimeSpan.Zero, time).ConfigureAwait(false);
            TimedOutByHeartbeat = c.Heartbeat;
            await abandoned.CancelAsync().ConfigureAwait(false);
            abandoned.Token.ThrowIfCancellationRequested();
        }

        await Task.Delay(target - now, time, abandoned.Token).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void SendHeartbeat() => lastHeartbeat = time.GetUtcNow();

    /// <summary>Tells the handler (through <see cref="Abandoned"/>) that nobody waits for its answer any more.</summary>
    public void Abandon()
    {
        TimedOutByHeartbeat ??= false;
        abandoned.Cancel();
    }

    /// <inheritdoc />
    public void Dispose() => abandoned.Dispose();
}
