using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Streams a map run's ItemReader once and writes the items in chunks of <see cref="MapRunActivityInput.ChunkSize"/> to
/// working blobs: memory holds one chunk, the orchestration gets only the counts.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
public sealed class MapRunStageActivity(IItemStore? store) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        long count = 0;
        var chunks = 0;
        try
        {
            await MapRunStorage.WriteRunAsync(items, request, CancellationToken.None).ConfigureAwait(false);
            var chunkSize = Math.Max(1, request.ChunkSize);
            var chunk = new JsonArray();
            await foreach (var item in MapRunChunks.ReadItemsAsync(items, request.Request, CancellationToken.None).ConfigureAwait(false))
            {
                chunk.Add(item);
                count++;
                if (chunk.Count == chunkSize)
                {
                    await MapRunStorage.WriteAsync(items, MapRunStorage.ItemsBlob(request.Request, chunks++), chunk, CancellationToken.None).ConfigureAwait(false);
                    chunk = [];
                }
            }

            if (chunk.Count > 0)
            {
                await MapRunStorage.WriteAsync(items, MapRunStorage.ItemsBlob(request.Request, chunks++), chunk, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The map run fails while staging: the chunks written so far go, as they would at its end.
            await MapRunStorage.DeleteWorkingDataAsync(items, request.Request).ConfigureAwait(false);
            throw;
        }

        return new MapRunActivityResult(PayloadVersion.Current) { ItemCount = count, ChunkCount = chunks };
    });
}
