using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Core.Engine.InMemory;

#pragma warning disable RS0030 // This is the host: it owns the clock, ids and randomness the engine must not touch.

/// <summary>
/// The in-memory host (Express workflows, TestState, <c>asl run</c>, tests): time through a
/// <see cref="TimeProvider"/> (optionally a virtual clock that skips waits), direct task calls through an
/// <see cref="ITaskHandler"/>. Use one instance per execution: the virtual clock and mock counters are per run.
/// </summary>
/// <param name="timeProvider">The clock (FakeTimeProvider in tests).</param>
/// <param name="tasks">Runs Task states.</param>
/// <param name="options">Waiting and randomness settings.</param>
public sealed partial class InMemoryExecutionHost(TimeProvider timeProvider, ITaskHandler tasks, InMemoryHostOptions? options = null) : IExecutionHost
{
    private readonly InMemoryHostOptions settings = options ?? new InMemoryHostOptions();
    private readonly Random random = options?.RandomSeed is { } seed ? new Random(seed) : new Random();
    private TimeSpan skipped;

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow() + skipped;

    /// <inheritdoc/>
    public Guid NewGuid()
    {
        if (settings.RandomSeed is null)
        {
            return Guid.NewGuid();
        }

        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <inheritdoc/>
    public Items.IItemStore? ItemStore => settings.ItemStore;

    /// <inheritdoc/>
    public double NextRandom() => random.NextDouble();

    /// <inheritdoc/>
    public ValueTask WaitUntilAsync(DateTimeOffset fireAt)
    {
        var delay = fireAt - UtcNow;
        if (delay <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        if (settings.SkipWaits)
        {
            skipped += delay;
            return ValueTask.CompletedTask;
        }

        return new ValueTask(Task.Delay(delay, timeProvider));
    }

    /// <inheritdoc/>
    /// <remarks>
    /// <para>
    /// Enforces <see cref="TaskInvocation.TimeoutSeconds"/> and <see cref="TaskInvocation.HeartbeatSeconds"/>: the
    /// handler gets an <see cref="ITaskClock"/> (<see cref="TaskInvocation.Clock"/>); an attempt still running at its
    /// deadline fails with <c>States.Timeout</c>, one without a heartbeat for longer than <c>HeartbeatSeconds</c> with
    /// <c>States.HeartbeatTimeout</c>, as AWS does. Under <see cref="InMemoryHostOptions.SkipWaits"/> the handler's
    /// waits (<see cref="ITaskClock.DelayAsync"/>) move virtual time, so no test sleeps; otherwise real timers race
    /// the handler.
    /// </para>
    /// <para>
    /// A task that starts another state machine (<see cref="TaskOutcome.NestedExecution"/>) runs it here as a nested
    /// interpreter run (see <c>InMemoryExecutionHost.NestedExecutions.cs</c>).
    /// </para>
    /// </remarks>
    public async ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation)
    {
        var outcome = await InvokeHandlerAsync(invocation);
        return outcome.NestedExecution is { } child ? await RunNestedAsync(child) : outcome;
    }

    private async ValueTask<TaskOutcome> InvokeHandlerAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        var clock = new InMemoryTaskClock(this, invocation.TimeoutSeconds, invocation.HeartbeatSeconds);
        var abandoned = false;
        try
        {
            var work = tasks.InvokeAsync(invocation with { Clock = clock });
            TaskOutcome outcome;
            if (work.IsCompleted)
            {
                try
                {
                    outcome = work.Result;
                }
                catch (OperationCanceledException) when (clock.TimedOutByHeartbeat is not null)
                {
                    return TaskOutcome.TimedOut(clock.TimedOutByHeartbeat.Value);
                }
            }
            else
            {
                var running = work.AsTask();
                await RaceTimersAsync(running, clock);
                if (clock.TimedOutByHeartbeat is { } byHeartbeat)
                {
                    abandoned = !running.IsCompleted;
                    _ = running.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    return TaskOutcome.TimedOut(byHeartbeat);
                }

                outcome = await running;
            }

            clock.CheckElapsed();
            return clock.TimedOutByHeartbeat is { } late ? TaskOutcome.TimedOut(late) : outcome;
        }
        catch (OperationCanceledException) when (clock.TimedOutByHeartbeat is not null)
        {
            return TaskOutcome.TimedOut(clock.TimedOutByHeartbeat.Value);
        }
        finally
        {
            if (!abandoned)
            {
                clock.Dispose();
            }
        }
    }

    /// <summary>Waits for the work or its next cutoff (timeout or heartbeat), whichever comes first.</summary>
    private async Task RaceTimersAsync(Task running, InMemoryTaskClock clock)
    {
        while (!running.IsCompleted && clock.TimedOutByHeartbeat is null && clock.NextCutoff is { } cutoff)
        {
            var delay = cutoff.At - UtcNow;
            if (delay <= TimeSpan.Zero)
            {
                clock.Expire(cutoff.Heartbeat);
                return;
            }

            using var stop = new CancellationTokenSource();
            var timer = Task.Delay(delay, timeProvider, stop.Token);
            await Task.WhenAny(running, timer).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
