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

    /// <summary>
    /// Runs every child of the chunk and records their results (the items leave their array: no copies). Once the map run
    /// has ended without the chunk (<paramref name="watch"/>), as AWS stops its running children no child starts, the
    /// running ones end at their next state, and nothing is recorded (a redrive runs the chunk whole): <see cref="Abandoned"/>.
    /// </summary>
    /// <param name="watch">Watches the map run, or <see langword="null"/> to run the chunk to its end.</param>
    public async Task<MapRunActivityResult> RunAndRecordAsync(MapRunEndWatch? watch = null)
    {
        JsonNode?[] taken = [.. Items];
        Items.Clear();
        var stop = watch?.Ended ?? CancellationToken.None;
        var result = await MapRunEndWatch.UntilEndedAsync(watch, MapRunChunks.RunExpressAsync(Plan, Request.Request, taken, FirstIndex, Host, Options, stop)).ConfigureAwait(false);
        return result is null || stop.IsCancellationRequested
            ? Abandoned
            : await MapRunStorage.RecordAsync(Store, Request.Request, Request.Chunk, taken.Length, result, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>The answer of a chunk whose map run ended without it (nobody awaits it any more; nothing was recorded).</summary>
    public static MapRunActivityResult Abandoned => new(PayloadVersion.Current) { Error = StatesErrorNames.Runtime, Cause = Hosting.OpenWork.Reason, Fatal = true };

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
