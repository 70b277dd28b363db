using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>
/// The hourly sweep of map runs' working blobs (<see cref="MapRunWorkingDataSweep"/>): a map run that failed or was
/// aborted keeps them for a redrive of its parent, possible for 14 days after it closed; after that they go.
/// </summary>
/// <param name="items">The item store from the Storage / AzureWebJobsStorage settings.</param>
/// <param name="time">The clock.</param>
/// <param name="logger">The logger.</param>
internal sealed class MapRunSweepFunction(ItemStoreConfiguration items, TimeProvider time, ILogger<MapRunSweepFunction> logger)
{
    /// <summary>When the sweep runs: hourly, at minute 17 (NCRONTAB with seconds).</summary>
    public const string Schedule = "0 17 * * * *";

    /// <summary>Sweeps once per tick; nothing to do without an item store.</summary>
    /// <param name="timer">The timer information.</param>
    /// <param name="client">The durable client (the map runs' instances).</param>
    /// <param name="cancellationToken">Cancels on host shutdown.</param>
    /// <returns>A task that completes when the sweep is done.</returns>
    [Function(FunctionNames.MapRunSweep)]
    public async Task SweepAsync(
        [TimerTrigger(Schedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (items.Store is not { } store)
        {
            return;
        }

        IReadOnlyList<string> deleted = await new MapRunWorkingDataSweep(store, new DurableTaskExecutionClient(client), time).SweepAsync(cancellationToken);
        if (deleted.Count > 0)
        {
            Log.MapRunWorkingDataSwept(logger, deleted.Count);
        }
    }
}
