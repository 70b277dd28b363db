using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Durable waits that never end early, whatever the backend.</summary>
public static class DurableTimers
{
    /// <summary>
    /// Waits on durable timers until the orchestration's replay-safe time reaches <paramref name="fireAt"/>.
    /// </summary>
    /// <remarks>
    /// Azure Storage delays queue messages by whole seconds (the delay is truncated), so on that backend a timer for
    /// <c>T</c> can fire up to one second before <c>T</c> (measured: a 500 ms timer fired after ~250 ms on Azurite).
    /// A timer set for <c>T + 1 s</c> always arrives after <c>T</c>, so an early fire costs one more timer and ends the
    /// wait less than a second late. ASL Wait states and Retry backoffs must never end early: use this, not
    /// <see cref="TaskOrchestrationContext.CreateTimer(DateTime, CancellationToken)"/> directly.
    /// </remarks>
    /// <param name="context">The orchestration context.</param>
    /// <param name="fireAt">The UTC time the wait ends.</param>
    /// <param name="cancellationToken">Cancels the timers (for races with events).</param>
    /// <returns>A task that completes at or after <paramref name="fireAt"/> in orchestration time.</returns>
    public static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTime fireAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await context.CreateTimer(fireAt, cancellationToken);
        while (context.CurrentUtcDateTime < fireAt)
        {
            await context.CreateTimer(fireAt.AddSeconds(1), cancellationToken);
        }
    }
}
