using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>
/// Redriving a map run's chunk (RedriveExecution of the parent): only the children that did not succeed run again, with
/// the inputs they ran with; the succeeded children's entries and outputs are kept as they were.
/// </summary>
public static partial class MapRunChunks
{
    /// <summary>
    /// The status a recorded entry has for a child never started (its chunk was aborted first): a redrive starts it under
    /// the name it was given.
    /// </summary>
    public const string PendingStatus = "PENDING";

    /// <summary>The children of a chunk's recorded result that did not succeed: their positions and the inputs they ran with.</summary>
    /// <param name="entries">The chunk's recorded entries (Transformation NONE), in item order.</param>
    /// <returns>The positions in <paramref name="entries"/> and the inputs, aligned.</returns>
    public static (IReadOnlyList<int> Indexes, IReadOnlyList<JsonNode?> Inputs) Unsuccessful(JsonArray entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var indexes = new List<int>();
        var inputs = new List<JsonNode?>();
        for (var i = 0; i < entries.Count; i++)
        {
            if ((string?)entries[i]?["Status"] != "SUCCEEDED")
            {
                indexes.Add(i);
                inputs.Add(JsonNode.Parse((string?)entries[i]?["Input"] ?? "null", documentOptions: JsonLimits.DocumentOptions));
            }
        }

        return (indexes, inputs);
    }

    /// <summary>How many items a recorded child entry holds: 1, or its batch's items with an ItemBatcher.</summary>
    /// <param name="request">The map run.</param>
    /// <param name="entry">The child's recorded entry (its <c>Input</c> as JSON text).</param>
    /// <returns>The entry's item count.</returns>
    public static long EntryItems(MapRunRequest request, JsonNode? entry)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Batcher is null ? 1
            : JsonNode.Parse((string?)entry?["Input"] ?? "null", documentOptions: JsonLimits.DocumentOptions)?["Items"] is JsonArray batch ? batch.Count : 1;
    }

    /// <summary>The unsuccessful children of a chunk's recorded entries and the items they hold (a redrive's <c>pendingRedrive</c>).</summary>
    /// <param name="request">The map run.</param>
    /// <param name="entries">The chunk's recorded entries.</param>
    /// <returns>The unsuccessful children and their items.</returns>
    public static (long Items, long Children) UnsuccessfulCounts(MapRunRequest request, JsonArray entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        long items = 0, children = 0;
        foreach (var entry in entries)
        {
            if ((string?)entry?["Status"] != "SUCCEEDED")
            {
                children++;
                items += EntryItems(request, entry);
            }
        }

        return (items, children);
    }

    /// <summary>Runs again, in memory, the EXPRESS children of the given inputs (a redriven map run's unsuccessful ones).</summary>
    /// <param name="plan">The parent's compiled definition.</param>
    /// <param name="request">The map run.</param>
    /// <param name="inputs">The children's inputs, as they first ran with them.</param>
    /// <param name="host">The in-memory host the children run on.</param>
    /// <param name="options">Quota settings.</param>
    /// <param name="stop">Stops the children (the map run has ended), as <see cref="RunExpressAsync"/>'s.</param>
    /// <returns>What the children did this time.</returns>
    public static async Task<MapRunChunkResult> RerunExpressAsync(
        ExecutionPlan plan, MapRunRequest request, IReadOnlyList<JsonNode?> inputs, IExecutionHost host, ExecutionOptions options, CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (state, frame) = Prepare(plan, request, host, options);
        return await RunChildrenAsync(state, frame, request, [.. inputs], host, stop).ConfigureAwait(false);
    }

    /// <summary>A chunk's recorded result with the rerun children's entries and outputs in their places, counted again.</summary>
    /// <param name="request">The map run.</param>
    /// <param name="entries">The chunk's recorded entries.</param>
    /// <param name="outputs">The recorded outputs, aligned with <paramref name="entries"/>.</param>
    /// <param name="indexes">Where the rerun children stand in <paramref name="entries"/>.</param>
    /// <param name="rerun">What the rerun children did, aligned with <paramref name="indexes"/>.</param>
    /// <returns>The chunk's whole result.</returns>
    public static MapRunChunkResult Merge(MapRunRequest request, JsonArray entries, JsonArray outputs, IReadOnlyList<int> indexes, MapRunChunkResult rerun)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(indexes);
        ArgumentNullException.ThrowIfNull(rerun);
        var mergedEntries = new JsonArray();
        var mergedOutputs = new JsonArray();
        for (var i = 0; i < entries.Count; i++)
        {
            mergedEntries.Add(entries[i]?.DeepClone());
            mergedOutputs.Add(outputs[i]?.DeepClone());
        }

        for (var j = 0; j < indexes.Count; j++)
        {
            mergedEntries[indexes[j]] = rerun.Entries[j]?.DeepClone();
            mergedOutputs[indexes[j]] = rerun.Outputs[j]?.DeepClone();
        }

        int succeeded = 0, failed = 0;
        long failedItems = 0;
        AslError? first = null;
        foreach (var entry in mergedEntries)
        {
            if ((string?)entry?["Status"] == "SUCCEEDED")
            {
                succeeded++;
                continue;
            }

            failed++;
            failedItems += EntryItems(request, entry);
            first ??= new AslError((string?)entry?["Error"] ?? StatesErrorNames.Runtime, (string?)entry?["Cause"]);
        }

        return new MapRunChunkResult(mergedEntries, mergedOutputs, succeeded, failed, failedItems, first);
    }
}
