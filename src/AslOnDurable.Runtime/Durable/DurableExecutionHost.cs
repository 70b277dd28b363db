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
/// <param name="context">The orchestration context.</param>
/// <param name="skipWaits">Complete waits at once and move the clock on by the skipped time (test mode: no real sleeping).</param>
internal sealed class DurableExecutionHost(TaskOrchestrationContext context, bool skipWaits = false) : IExecutionHost
{
    private readonly ReplayRandom random = new(ReplayRandom.SeedFrom(context.InstanceId));

    // Time skipped by waits in skip-waits mode: pure arithmetic on replayed values, so replay-safe.
    private TimeSpan skipped;

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
        string request = DurableJson.Serialize(new TaskActivityInput(
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

            await cancelTimer.CancelAsync();
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
