using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>What an activity that runs a chunk's EXPRESS children in memory works with: the request, store, plan, items and host.</summary>
/// <param name="Request">The activity's input.</param>
/// <param name="Store">The item store.</param>
/// <param name="Plan">The parent's compiled definition.</param>
/// <param name="Items">The chunk's items.</param>
/// <param name="Host">The in-memory host the children run on.</param>
/// <param name="Options">Quota settings.</param>
internal sealed record ExpressChunk(MapRunActivityInput Request, IItemStore Store, ExecutionPlan Plan, JsonArray Items, InMemoryExecutionHost Host, ExecutionOptions Options)
{
    /// <summary>The first item's index in the whole item set.</summary>
    public long FirstIndex => (long)Request.Chunk * Request.ChunkSize;

    /// <summary>Runs every child of the chunk and records their results (the items leave their array: no copies).</summary>
    public async Task<MapRunActivityResult> RunAndRecordAsync()
    {
        JsonNode?[] taken = [.. Items];
        Items.Clear();
        var result = await MapRunChunks.RunExpressAsync(Plan, Request.Request, taken, FirstIndex, Host, Options).ConfigureAwait(false);
        return await MapRunStorage.RecordAsync(Store, Request.Request, Request.Chunk, taken.Length, result, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Reads the activity's input and the chunk's items.</summary>
    public static async Task<ExpressChunk> LoadAsync(IItemStore? store, Core.Engine.Tasks.ITaskHandler tasks, ExecutionPlanCache plans, string input)
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        request = await MapRunStorage.FullAsync(items, request, CancellationToken.None).ConfigureAwait(false);
        var plan = plans.Get(request.Definition).Plan ?? throw new AslErrorException(StatesErrorNames.Runtime, "The map run's definition does not compile.");
        var chunk = (JsonArray)await MapRunStorage.ReadAsync(items, MapRunStorage.ItemsBlob(request.Request, request.Chunk), CancellationToken.None).ConfigureAwait(false);
        var host = new InMemoryExecutionHost(TimeProvider.System, tasks, new InMemoryHostOptions { SkipWaits = request.SkipWaits == true, ItemStore = items });
        var options = new ExecutionOptions { MaxPayloadBytes = request.MaxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes };
        return new ExpressChunk(request, items, plan, chunk, host, options);
    }
}
