using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The engine's <see cref="IExecutionHost"/> over a Durable Task orchestration: replay-safe time and ids from the
/// context, randomness from a generator seeded by the instance id, Wait and Retry backoff on durable timers, Task
/// states as calls of <see cref="ActivityNames.StateMachineTask"/>.
/// </summary>
/// <remarks>
/// Continue-as-new: the host counts the durable actions of this generation (task calls, timers) and asks the engine to
/// stop at the next top-level state boundary (<see cref="ShouldCheckpoint"/>) once a limit is reached; both counts
/// depend only on replayed history, so every replay stops at the same state. Generation <c>n</c> &gt; 0 seeds its
/// randomness with the instance id and <c>n</c>, so generations do not repeat each other's random numbers.
/// </remarks>
/// <param name="context">The orchestration context.</param>
/// <param name="skipWaits">Complete waits at once and move the clock on by the skipped time (test mode: no real sleeping).</param>
/// <param name="generation">The continue-as-new generation (0 for the first).</param>
/// <param name="limits">When to stop for a checkpoint, or <c>null</c> never to.</param>
/// <param name="skipped">Virtual time skipped by earlier generations (skip-waits mode).</param>
internal sealed class DurableExecutionHost(
    TaskOrchestrationContext context, bool skipWaits = false, int generation = 0, GenerationLimits? limits = null, TimeSpan skipped = default) : IExecutionHost
{
    private readonly ReplayRandom random = new(ReplayRandom.SeedFrom(generation == 0 ? context.InstanceId : context.InstanceId + "#" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // Time skipped by waits in skip-waits mode: pure arithmetic on replayed values, so replay-safe.
    private TimeSpan skipped = skipped;

    /// <summary>Gets the durable actions (task calls and timers) this generation has asked for.</summary>
    public int Actions { get; private set; }

    /// <summary>Gets the virtual time skipped so far (skip-waits mode), carried to the next generation.</summary>
    public TimeSpan Skipped => skipped;

    /// <inheritdoc />
    public bool ShouldCheckpoint(long eventCount) =>
        limits is { } l && (Actions >= l.MaxActions || eventCount >= l.MaxEvents);

    /// <inheritdoc />
    public DateTimeOffset UtcNow => new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)) + skipped;

    /// <inheritdoc />
    public Guid NewGuid() => context.NewGuid();

    /// <inheritdoc />
    public double NextRandom() => random.NextDouble();

    /// <inheritdoc />
    public ValueTask WaitUntilAsync(DateTimeOffset fireAt)
    {
        if (skipWaits)
        {
            var delay = fireAt - UtcNow;
            if (delay > TimeSpan.Zero)
            {
                skipped += delay;
            }

            return ValueTask.CompletedTask;
        }

        Actions++;
        return new(DurableTimers.WaitUntilAsync(context, fireAt.UtcDateTime, CancellationToken.None));
    }

    /// <inheritdoc />
    /// <remarks>
    /// AWS fails a task that runs past its <c>TimeoutSeconds</c> with <c>States.Timeout</c>: the activity is raced
    /// with a durable timer (the activity itself keeps running, as on AWS; its late result is ignored, but
    /// DurableTask.Core completes the orchestration only once it has returned).
    /// <c>.waitForTaskToken</c>: the token travels to the handler, which answers for the callback as in memory; waiting for
    /// SendTaskSuccess/Failure as an external event raced with timeout and heartbeat timers is still to come.
    /// </remarks>
    public async ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        Actions++;
        // While replaying, the call is already in history with its input: DurableTask.Core matches it by id and name
        // and never reads the input again, so building it would only cost time on every episode.
        string request = context.IsReplaying ? string.Empty : DurableJson.Serialize(new TaskActivityInput(
            PayloadVersion.Current, invocation.StateName, invocation.Resource, invocation.Input, invocation.RetryCount, invocation.ExecutionId)
        {
            TimeoutSeconds = invocation.TimeoutSeconds,
            HeartbeatSeconds = invocation.HeartbeatSeconds,
            TaskToken = invocation.TaskToken,
            Credentials = invocation.Credentials,
        });
        Task<string> call = context.CallActivityAsync<string>(ActivityNames.StateMachineTask, request);
        if (invocation.TimeoutSeconds is > 0 and var seconds)
        {
            using CancellationTokenSource cancelTimer = new();
            Task timer = DurableTimers.WaitUntilAsync(context, context.CurrentUtcDateTime.AddSeconds(seconds), cancelTimer.Token);
            if (await Task.WhenAny(call, timer) == timer)
            {
                return TaskOutcome.TimedOut(heartbeat: false);
            }

            // Cancel synchronously: CancelAsync runs the timer's cancellation callback on the thread pool, outside the
            // orchestrator's single thread, so the episode could end before the orchestration notices (it never would).
            #pragma warning disable CA1849 // Synchronous on purpose (replay rules).
            cancelTimer.Cancel();
            #pragma warning restore CA1849
        }

        string reply;
        try
        {
            reply = await call;
        }
        catch (TaskFailedException e)
        {
            return TaskOutcome.Failure(TaskFailures.ToAslError(e.FailureDetails));
        }

        return TaskFailures.ToOutcome(DurableJson.Deserialize<TaskActivityResult>(reply));
    }
}
