using System.Collections.Concurrent;
using System.Threading.Channels;

namespace AslOnDurable.Runtime.Api.Activities;

/// <summary>
/// The activity tasks of this process waiting for workers, one first-in first-out queue per activity ARN:
/// <see cref="ActivityTaskHandler"/> adds the tasks Task states schedule, GetActivityTask long-polls them.
/// </summary>
/// <remarks>
/// In memory: the tasks are scheduled by the durable task activities of this process (the embedded backend and one
/// <c>asl serve</c>). A task whose <c>TimeoutSeconds</c> has run out is never handed out (its execution has moved on).
/// </remarks>
/// <param name="time">The clock of deadlines and of the long poll.</param>
internal sealed class ActivityTaskQueue(TimeProvider time) : IActivityTaskQueue
{
    private readonly ConcurrentDictionary<string, Channel<ActivityTask>> queues = new(StringComparer.Ordinal);

    /// <summary>Adds a task for the activity's workers.</summary>
    /// <param name="activityArn">The activity ARN.</param>
    /// <param name="task">The task.</param>
    public void Add(string activityArn, ActivityTask task) => Queue(activityArn).Writer.TryWrite(task);

    /// <inheritdoc />
    public Task AddAsync(string activityArn, ActivityTask task, CancellationToken cancellationToken)
    {
        Add(activityArn, task);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveAsync(string activityArn, CancellationToken cancellationToken)
    {
        Remove(activityArn);
        return Task.CompletedTask;
    }

    /// <summary>Forgets an activity's waiting tasks (DeleteActivity); their executions time out as AWS's do.</summary>
    /// <param name="activityArn">The activity ARN.</param>
    public void Remove(string activityArn)
    {
        if (queues.TryRemove(activityArn, out Channel<ActivityTask>? queue))
        {
            queue.Writer.TryComplete();
        }
    }

    /// <inheritdoc />
    public async Task<ActivityTask?> TakeAsync(
        string activityArn, TimeSpan wait, Func<ActivityTask, CancellationToken, Task<bool>> claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        Channel<ActivityTask> queue = Queue(activityArn);
        using CancellationTokenSource timeout = new(wait, time);
        using CancellationTokenSource poll = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        while (true)
        {
            ActivityTask task;
            try
            {
                task = await queue.Reader.ReadAsync(poll.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (ChannelClosedException)
            {
                return null;
            }

            if (task.Deadline is { } deadline && deadline <= time.GetUtcNow())
            {
                continue;
            }

            bool claimed;
            try
            {
                claimed = await claim(task, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Not handed out: the next worker gets it.
                queue.Writer.TryWrite(task);
                throw;
            }

            if (claimed)
            {
                return task;
            }
        }
    }

    private Channel<ActivityTask> Queue(string activityArn) =>
        queues.GetOrAdd(activityArn, static _ => Channel.CreateUnbounded<ActivityTask>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false }));
}
