using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Records what one chunk's STANDARD children did (result files or the working results blob) and counts them; or, for a
/// chunk the failing map run ended without (<see cref="MapRunActivityInput.AbortedChildren"/>), what they did so far.
/// </summary>
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
        if (request.AbortedChildren is { } aborted)
        {
            return await RecordAbortedAsync(items, request, aborted).ConfigureAwait(false);
        }

        var children = request.Children ?? [];
        var result = MapRunChunks.Describe(request.Request, children);
        var itemCount = request.Request.Batcher is null ? children.Count : children.Sum(c => c.Input?["Items"] is System.Text.Json.Nodes.JsonArray a ? a.Count : 1);
        return await MapRunStorage.RecordAsync(items, request.Request, request.Chunk, itemCount, result, CancellationToken.None).ConfigureAwait(false);
    });

    /// <summary>
    /// Keeps what the children of a chunk the failing map run ended without did, as working data only (no result files:
    /// the map run's results do not list them): finished ones with their outcome, running ones ABORTED, those never
    /// started PENDING under the names they would have had (<see cref="MapRunChildNames"/>), so a redrive of the map run
    /// redrives the unsuccessful ones in place and starts the pending ones (<see cref="MapRunRedriveChunkActivity"/>).
    /// </summary>
    private static async Task<MapRunActivityResult> RecordAbortedAsync(IItemStore items, MapRunActivityInput request, IReadOnlyList<MapRunChild?> aborted)
    {
        var run = request.Request;
        var now = DateTimeOffset.UtcNow;
        var children = new List<MapRunChild>(aborted.Count);
        for (var i = 0; i < aborted.Count; i++)
        {
            children.Add(aborted[i] ?? new MapRunChild(MapRunChildNames.Of(run.MapRunArn, run.RedriveCount, request.Chunk, i), null, MapRunChunks.PendingStatus, null, null, now, now));
        }

        var result = MapRunChunks.Describe(run, children);
        await MapRunStorage.WriteAsync(items, MapRunStorage.ResultsBlob(run, request.Chunk), new System.Text.Json.Nodes.JsonObject { ["Entries"] = result.Entries, ["Outputs"] = result.Outputs }, CancellationToken.None)
            .ConfigureAwait(false);
        return new MapRunActivityResult(PayloadVersion.Current);
    }
}
