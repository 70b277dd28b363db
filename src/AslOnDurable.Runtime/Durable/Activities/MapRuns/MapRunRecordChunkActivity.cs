using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>Records what one chunk's STANDARD children did (result files or the working results blob) and counts them.</summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
public sealed class MapRunRecordChunkActivity(IItemStore? store) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        var children = request.Children ?? [];
        var result = MapRunChunks.Describe(request.Request, children);
        var itemCount = request.Request.Batcher is null ? children.Count : children.Sum(c => c.Input?["Items"] is System.Text.Json.Nodes.JsonArray a ? a.Count : 1);
        return await MapRunStorage.RecordAsync(items, request.Request, request.Chunk, itemCount, result, CancellationToken.None).ConfigureAwait(false);
    });
}
