using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Watches, from a chunk activity, the map run that called it: <see cref="Ended"/> is cancelled once the map run has ended
/// without the chunk (it failed and ended at once, or it was terminated with its parent), as AWS then stops its running
/// children. Asked through the task hub's client every <see cref="Interval"/>, the first time after one interval, so a
/// chunk that ends sooner costs no request (as <see cref="StateMachineTaskActivity"/> watches its instance).
/// </summary>
internal sealed class MapRunEndWatch : IDisposable
{
    /// <summary>How often the watch asks whether the map run has ended.</summary>
    public static readonly TimeSpan Interval = StateMachineTaskActivity.WatchInterval;

    private readonly CancellationTokenSource ended = new();
    private readonly CancellationTokenSource stopped = new();

    private MapRunEndWatch()
    {
    }

    /// <summary>Gets a token cancelled once the map run has ended.</summary>
    public CancellationToken Ended => ended.Token;

    /// <summary>Starts watching the run of <paramref name="request"/> (a redrive's own instance), or <see langword="null"/> without a client.</summary>
    /// <param name="client">The task hub's client, or <see langword="null"/> (no watch: the chunk runs to its end).</param>
    /// <param name="request">The map run.</param>
    /// <param name="interval">How often to ask; <see cref="Interval"/> when <see langword="null"/>.</param>
    /// <returns>The watch (dispose it when the chunk is done), or <see langword="null"/>.</returns>
    public static MapRunEndWatch? Start(IExecutionClient? client, MapRunRequest request, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (client is null)
        {
            return null;
        }

        MapRunEndWatch watch = new();
        _ = watch.WatchAsync(client, MapRunInstanceIds.FromArn(request.MapRunArn, request.RedriveCount), interval ?? Interval);
        return watch;
    }

    /// <summary>The work's result, or <see langword="null"/> when the map run ended first (the work then goes on alone, unobserved).</summary>
    /// <typeparam name="T">The result's type.</typeparam>
    /// <param name="watch">The watch, or <see langword="null"/> to wait for the work.</param>
    /// <param name="work">The chunk's work.</param>
    /// <returns>The result, or <see langword="null"/>.</returns>
    public static async Task<T?> UntilEndedAsync<T>(MapRunEndWatch? watch, Task<T> work)
        where T : class
    {
        if (watch is null || work.IsCompleted)
        {
            return await work.ConfigureAwait(false);
        }

        TaskCompletionSource end = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (watch.Ended.Register(() => end.TrySetResult()))
        {
            if (await Task.WhenAny(work, end.Task).ConfigureAwait(false) == work)
            {
                return await work.ConfigureAwait(false);
            }
        }

        // An abandoned chunk's failure has nobody to report to.
        _ = work.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return null;
    }

    /// <summary>Stops watching.</summary>
    public void Dispose()
    {
        stopped.Cancel();
        stopped.Dispose();
    }

    private async Task WatchAsync(IExecutionClient client, string instanceId, TimeSpan interval)
    {
        CancellationToken stop = stopped.Token;
        try
        {
            while (true)
            {
                await Task.Delay(interval, stop).ConfigureAwait(false);
                if (await InstanceWatch.IsMapRunEndedAsync(client, instanceId).ConfigureAwait(false) && !stop.IsCancellationRequested)
                {
                    await ended.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The chunk is done: nothing more to watch.
        }
    }
}
