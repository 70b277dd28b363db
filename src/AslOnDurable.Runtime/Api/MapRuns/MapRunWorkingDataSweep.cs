using System.Text;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.MapRuns;

/// <summary>
/// Deletes the working blobs (<c>asl-map-runs/&lt;id&gt;/</c>) of map runs nothing will read again. A map run that
/// failed or was aborted keeps them for a redrive of its parent, which AWS allows for 14 days after the execution
/// closed; a map run deletes its own once it succeeded. The sweep, run by the host (never by orchestrator code), deletes a
/// map run's folder when its latest run (first run or last redrive, <see cref="MapRunDirectory.LatestAsync"/>) closed
/// <see cref="RedrivePeriod"/> or more ago, or succeeded (its own deletion failed); a redrive since then is a newer run
/// that closed later (or still runs), so it keeps the folder. A folder without <c>run.json</c> (staging under way, or left
/// half deleted) goes once its newest blob is that old. A map run this host's task hub does not know (another hub sharing
/// the account, a purged instance) is left alone.
/// </summary>
/// <param name="store">The item store holding the working blobs.</param>
/// <param name="client">The client of the host's task hub.</param>
/// <param name="time">The clock.</param>
/// <param name="container">The container of working data (tests: one of their own).</param>
public sealed class MapRunWorkingDataSweep(IItemStore store, IExecutionClient client, TimeProvider time, string container = MapRunStorage.Container)
{
    /// <summary>How long after its execution closed AWS lets a map run be redriven (RedriveExecution's 14 days).</summary>
    public static readonly TimeSpan RedrivePeriod = TimeSpan.FromDays(14);

    /// <summary>How often the hosts sweep.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromHours(1);

    /// <summary>Sweeps once.</summary>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>The map runs whose working blobs were deleted.</returns>
    public async Task<IReadOnlyList<string>> SweepAsync(CancellationToken cancellationToken)
    {
        var folders = new SortedDictionary<string, (bool HasRun, DateTimeOffset Newest)>(StringComparer.Ordinal);
        await foreach (var blob in store.ListAsync(container, string.Empty, cancellationToken).ConfigureAwait(false))
        {
            var slash = blob.Key.IndexOf('/', StringComparison.Ordinal);
            if (slash <= 0)
            {
                continue;
            }

            var id = blob.Key[..slash];
            var (hasRun, newest) = folders.GetValueOrDefault(id);
            folders[id] = (hasRun || blob.Key == MapRunStorage.RunBlob(id), blob.LastModified > newest ? blob.LastModified : newest);
        }

        var now = time.GetUtcNow();
        var deleted = new List<string>();
        foreach (var (id, (hasRun, newest)) in folders)
        {
            var done = hasRun
                ? await DoneAsync(id, now, cancellationToken).ConfigureAwait(false)
                : now - newest >= RedrivePeriod;
            if (done)
            {
                await MapRunStorage.DeleteWorkingDataAsync(store, id, container).ConfigureAwait(false);
                deleted.Add(id);
            }
        }

        return deleted;
    }

    /// <summary>Sweeps every <paramref name="interval"/> (the first time after one interval) until cancelled; a failed sweep is reported and the next one runs.</summary>
    /// <param name="interval">Time between sweeps.</param>
    /// <param name="failed">Told of a sweep that failed.</param>
    /// <param name="cancellationToken">Stops sweeping.</param>
    /// <returns>A task that completes when cancelled.</returns>
    public async Task RunAsync(TimeSpan interval, Action<Exception> failed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failed);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await SweepAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    failed(e);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped with the host.
        }
    }

    /// <summary>Whether the map run's latest run closed long enough ago (or succeeded) that no redrive will read its blobs.</summary>
    private async Task<bool> DoneAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(container, MapRunStorage.RunBlob(id), cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return false; // deleted meanwhile
        }

        MapRunActivityInput run;
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            run = DurableJson.Deserialize<MapRunActivityInput>(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
        }

        var (latest, _) = await MapRunDirectory.LatestAsync(client, run.Request.MapRunArn, cancellationToken).ConfigureAwait(false);
        if (latest is not { IsTerminal: true })
        {
            return false; // still running, or unknown to this task hub
        }

        var succeeded = latest.Status == ExecutionRuntimeStatus.Completed && latest.OutputJson is { } output
            && DurableJson.Deserialize<MapRunOutput>(output).Record.Status == "SUCCEEDED";
        return succeeded || now - latest.LastUpdatedAt >= RedrivePeriod;
    }
}
