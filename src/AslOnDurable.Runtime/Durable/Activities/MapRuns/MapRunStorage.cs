using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Where a map run keeps its working data in the item store: chunks of items (<c>asl-map-runs/&lt;id&gt;/items/n.json</c>)
/// and, when the results are not exported, each chunk's child results (<c>…/results/n.json</c>); plus the error
/// boundary every map-run activity shares.
/// </summary>
internal static class MapRunStorage
{
    /// <summary>The container of map runs' working data.</summary>
    public const string Container = "asl-map-runs";

    /// <summary>The store, or <c>States.Runtime</c> naming what is missing.</summary>
    public static IItemStore Require(IItemStore? store) => store ?? throw new AslErrorException(
        StatesErrorNames.Runtime,
        "The Map state's ItemReader needs a host with item storage; this host has none (asl run/worker: --storage or --items-folder; the Functions app: the Storage connection).");

    /// <summary>Full inputs of the map runs whose chunks ran here lately (by map run id; <c>run.json</c> never changes).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MapRunActivityInput> Runs = new(StringComparer.Ordinal);

    /// <summary>Writes the map run's full input (definition, request) once, for the chunks' slim inputs.</summary>
    public static Task<long> WriteRunAsync(IItemStore store, MapRunActivityInput input, CancellationToken cancellationToken) =>
        store.WriteAsync(Container, RunBlob(input.Request), Encoding.UTF8.GetBytes(DurableJson.Serialize(input with { Chunk = 0, Children = null, Slim = null })), cancellationToken);

    /// <summary>
    /// The full input of a chunk's activity: a slim one (<see cref="MapRunActivityInput.Slim"/>) gets the definition and
    /// the request's inputs and variables back from <c>run.json</c>; its own settings (UpdateMapRun's) stay.
    /// </summary>
    public static async Task<MapRunActivityInput> FullAsync(IItemStore store, MapRunActivityInput input, CancellationToken cancellationToken)
    {
        if (input.Slim != true)
        {
            return input;
        }

        var full = await RunRecordAsync(store, input.Request, cancellationToken).ConfigureAwait(false);
        return input with
        {
            Slim = null,
            Definition = full.Definition,
            Request = input.Request with
            {
                RawInput = full.Request.RawInput?.DeepClone(),
                EffectiveInput = full.Request.EffectiveInput?.DeepClone(),
                Variables = (JsonObject?)full.Request.Variables?.DeepClone(),
                ExecutionInput = full.Request.ExecutionInput?.DeepClone(),
            },
        };
    }

    /// <summary>The map run's full input as staging wrote it (<c>run.json</c>), kept in memory for the next chunks.</summary>
    public static async Task<MapRunActivityInput> RunRecordAsync(IItemStore store, MapRunRequest request, CancellationToken cancellationToken)
    {
        if (!Runs.TryGetValue(request.MapRunId, out var full))
        {
            var stream = await store.OpenReadAsync(Container, RunBlob(request), cancellationToken).ConfigureAwait(false)
                ?? throw new AslErrorException(StatesErrorNames.Runtime, $"The map run's working blob {Container}/{RunBlob(request)} is missing.");
            await using (stream.ConfigureAwait(false))
            {
                using var reader = new StreamReader(stream, Encoding.UTF8);
                full = DurableJson.Deserialize<MapRunActivityInput>(await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false));
            }

            if (Runs.Count >= 64)
            {
                Runs.Clear();
            }

            Runs[request.MapRunId] = full;
        }

        return full;
    }

    /// <summary>A chunk activity's input without what <c>run.json</c> holds.</summary>
    public static MapRunActivityInput Slim(MapRunActivityInput input) => input with
    {
        Slim = true,
        Definition = string.Empty,
        Request = input.Request with { RawInput = null, EffectiveInput = null, Variables = null, ExecutionInput = null },
    };

    /// <summary>The blob of chunk <paramref name="chunk"/>'s items.</summary>
    public static string ItemsBlob(MapRunRequest request, int chunk) => ItemsFolder(request) + chunk.ToString(CultureInfo.InvariantCulture) + ".json";

    /// <summary>The blob of chunk <paramref name="chunk"/>'s child results.</summary>
    public static string ResultsBlob(MapRunRequest request, int chunk) => Blob(request, "results", chunk);

    /// <summary>Writes JSON to a working blob.</summary>
    public static Task<long> WriteAsync(IItemStore store, string name, JsonNode node, CancellationToken cancellationToken) =>
        store.WriteAsync(Container, name, JsonUtf8.Bytes(node, JsonLimits.SerializerOptions), cancellationToken);

    /// <summary>Reads JSON from a working blob, or <see langword="null"/> when there is none.</summary>
    public static async Task<JsonNode?> TryReadAsync(IItemStore store, string name, CancellationToken cancellationToken)
    {
        var stream = await store.OpenReadAsync(Container, name, cancellationToken).ConfigureAwait(false);
        if (stream is null)
        {
            return null;
        }

        await using (stream.ConfigureAwait(false))
        {
            return await JsonNode.ParseAsync(stream, null, JsonLimits.DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads JSON from a working blob (it must exist).</summary>
    public static async Task<JsonNode> ReadAsync(IItemStore store, string name, CancellationToken cancellationToken) =>
        await TryReadAsync(store, name, cancellationToken).ConfigureAwait(false)
            ?? throw new AslErrorException(StatesErrorNames.Runtime, $"The map run's working blob {Container}/{name} is missing or empty.");

    /// <summary>
    /// Keeps what a chunk's children did: the result files of an exporting ResultWriter (part n = chunk n), else a working
    /// blob the finishing step gathers the Map's output from (also written beside the result files when children failed,
    /// for a redrive). Returns the chunk's counts.
    /// </summary>
    public static async Task<MapRunActivityResult> RecordAsync(
        IItemStore store, MapRunRequest request, int chunk, long items, MapRunChunkResult result, CancellationToken cancellationToken)
    {
        if (request.Writer is { Exports: true })
        {
            try
            {
                await MapRunResultFiles.WritePartAsync(store, request, chunk, result.Entries, result.Outputs, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not AslErrorException and not OperationCanceledException)
            {
                throw new AslErrorException(StatesErrorNames.ResultWriterFailed, $"Writing the results to {request.Writer.Bucket}/{request.Writer.Prefix} failed: {e.Message}");
            }
        }

        // Exported results keep a chunk's full result as working data too when children failed: a redrive reads it.
        if (request.Writer is not { Exports: true } || result.Failed > 0)
        {
            await WriteAsync(store, ResultsBlob(request, chunk), new JsonObject { ["Entries"] = result.Entries, ["Outputs"] = result.Outputs }, cancellationToken).ConfigureAwait(false);
        }

        return new MapRunActivityResult(PayloadVersion.Current)
        {
            Succeeded = result.Succeeded,
            Failed = result.Failed,
            FailedItems = result.FailedItems,
            Items = items,
            Error = result.FirstError?.Error,
            Cause = result.FirstError?.Cause,
        };
    }

    /// <summary>
    /// The unsuccessful children (and their items) in the chunk results a map run kept (<c>&lt;id&gt;/results/</c>): what a
    /// redrive of it starts with as <c>pendingRedrive</c>. Chunks that recorded no result (never started, or running when
    /// the map run was aborted) run whole and are not counted.
    /// </summary>
    public static async Task<(long Items, long Children)> UnsuccessfulAsync(IItemStore store, MapRunRequest request, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in store.ListAsync(Container, request.MapRunId + "/results/", cancellationToken).ConfigureAwait(false))
        {
            names.Add(blob.Key);
        }

        long items = 0, children = 0;
        foreach (var name in names)
        {
            if (await TryReadAsync(store, name, cancellationToken).ConfigureAwait(false) is JsonObject { } result && result["Entries"] is JsonArray entries)
            {
                var (chunkItems, chunkChildren) = MapRunChunks.UnsuccessfulCounts(request, entries);
                (items, children) = (items + chunkItems, children + chunkChildren);
            }
        }

        return (items, children);
    }

    /// <summary>
    /// Runs an activity's work: ASL errors become a fatal result (they fail the Map state), unexpected exceptions
    /// <c>States.Runtime</c>.
    /// </summary>
    public static async Task<string> GuardAsync(Func<Task<MapRunActivityResult>> work)
    {
        MapRunActivityResult result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (AslErrorException e)
        {
            result = new MapRunActivityResult(PayloadVersion.Current) { Error = e.Error.Error, Cause = e.Error.Cause, Fatal = true };
        }
#pragma warning disable CA1031 // Every exception becomes a value: the Map state fails with States.Runtime, as in memory.
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
#pragma warning restore CA1031
        {
            result = new MapRunActivityResult(PayloadVersion.Current) { Error = StatesErrorNames.Runtime, Cause = e.Message, Fatal = true };
        }

        return DurableJson.Serialize(result);
    }

    /// <summary>
    /// Deletes a map run's working blobs (<c>asl-map-runs/&lt;id&gt;/</c>) once it ended; result files stay. Best effort: a
    /// blob that cannot be deleted is left behind, the map run's outcome does not change.
    /// </summary>
    public static Task DeleteWorkingDataAsync(IItemStore store, MapRunRequest request) => DeleteWorkingDataAsync(store, request.MapRunId, Container);

    /// <summary>Deletes the working blobs of map run <paramref name="mapRunId"/> in <paramref name="container"/>; best effort, as above.</summary>
    public static async Task DeleteWorkingDataAsync(IItemStore store, string mapRunId, string container)
    {
        try
        {
            var names = new List<string>();
            await foreach (var blob in store.ListAsync(container, mapRunId + "/", CancellationToken.None).ConfigureAwait(false))
            {
                names.Add(blob.Key);
            }

            foreach (var name in names)
            {
                await store.DeleteAsync(container, name, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Azure.RequestFailedException)
        {
            // Left behind: working data never changes an outcome.
        }
    }

    /// <summary>The folder of the map run's item chunks (<c>&lt;id&gt;/items/</c>).</summary>
    public static string ItemsFolder(MapRunRequest request) => request.MapRunId + "/items/";

    private static string RunBlob(MapRunRequest request) => RunBlob(request.MapRunId);

    /// <summary>The blob of map run <paramref name="mapRunId"/>'s full input (<c>&lt;id&gt;/run.json</c>).</summary>
    public static string RunBlob(string mapRunId) => mapRunId + "/run.json";

    private static string Blob(MapRunRequest request, string kind, int chunk) =>
        request.MapRunId + "/" + kind + "/" + chunk.ToString(CultureInfo.InvariantCulture) + ".json";
}
