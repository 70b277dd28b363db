using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Starts a redriven map run: finds the item chunks its first run staged (<c>asl-map-runs/&lt;id&gt;/items/</c>, kept
/// because it failed) and counts them, so that the redrive iterates the same items, and the first run's start date
/// (<c>run.json</c>), which the map run keeps across redrives, and the unsuccessful children (and items) the kept chunk
/// results hold, which the redrive shows as <c>pendingRedrive</c> until it restarted them; reports no chunks when there are
/// none (the first run failed while staging), and the map run then stages its items again.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
public sealed class MapRunRedriveStageActivity(IItemStore? store) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        var chunks = 0;
        await foreach (var _ in items.ListAsync(MapRunStorage.Container, MapRunStorage.ItemsFolder(request.Request), CancellationToken.None).ConfigureAwait(false))
        {
            chunks++;
        }

        if (chunks == 0)
        {
            return new MapRunActivityResult(PayloadVersion.Current);
        }

        var last = (JsonArray)await MapRunStorage.ReadAsync(items, MapRunStorage.ItemsBlob(request.Request, chunks - 1), CancellationToken.None).ConfigureAwait(false);
        var first = await MapRunStorage.RunRecordAsync(items, request.Request, CancellationToken.None).ConfigureAwait(false);
        var (unsuccessfulItems, unsuccessfulChildren) = await MapRunStorage.UnsuccessfulAsync(items, request.Request, CancellationToken.None).ConfigureAwait(false);
        return new MapRunActivityResult(PayloadVersion.Current)
        {
            ChunkCount = chunks, ItemCount = ((long)(chunks - 1) * request.ChunkSize) + last.Count, StartDate = first.StartDate,
            PendingRedriveItems = unsuccessfulItems, PendingRedriveChildren = unsuccessfulChildren,
        };
    });
}
