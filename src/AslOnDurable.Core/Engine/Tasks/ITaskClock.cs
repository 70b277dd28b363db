namespace AslOnDurable.Core.Engine.Tasks;

/// <summary>
/// The clock of one task attempt, handed to an <see cref="ITaskHandler"/> through <see cref="TaskInvocation.Clock"/>
/// by hosts that enforce <c>TimeoutSeconds</c> and <c>HeartbeatSeconds</c>. Under a virtual clock (the in-memory host
/// with <c>SkipWaits</c>) waits move time forward without sleeping, so timeouts are testable deterministically.
/// </summary>
/// <remarks>
/// AWS: an attempt that runs longer than <c>TimeoutSeconds</c> fails with <c>States.Timeout</c>; one that sends no
/// heartbeat (<c>SendTaskHeartbeat</c>) for longer than <c>HeartbeatSeconds</c> fails with
/// <c>States.HeartbeatTimeout</c>. Whatever the work returns afterwards is discarded.
/// </remarks>
public interface ITaskClock
{
    /// <summary>The host's current time (virtual under <c>SkipWaits</c>).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>Cancelled when the attempt timed out: the work should stop, its result is ignored.</summary>
    CancellationToken Abandoned { get; }

    /// <summary>
    /// Lets <paramref name="delay"/> pass on the host's clock. If the attempt's timeout or heartbeat deadline falls
    /// inside the delay, time stops there and the wait ends with an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <param name="delay">How long the work takes.</param>
    /// <returns>A task that completes when the time has passed.</returns>
    ValueTask DelayAsync(TimeSpan delay);

    /// <summary>Reports progress (<c>SendTaskHeartbeat</c>): restarts the <c>HeartbeatSeconds</c> window.</summary>
    void SendHeartbeat();
}
