using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>
/// Writes a map run's results as AWS lays them out, one part at a time so that no worker holds more than a chunk:
/// <c>&lt;prefix&gt;/&lt;map run id&gt;/FAILED_n.json</c>, <c>PENDING_n.json</c>, <c>SUCCEEDED_n.json</c> per part, then
/// <c>manifest.json</c> listing them; and shapes the Map's output when the results are not exported.
/// </summary>
public static class MapRunResultFiles
{
    /// <summary>The statuses in the order of the manifest's ResultFiles.</summary>
    private static readonly string[] Statuses = ["FAILED", "PENDING", "SUCCEEDED"];

    /// <summary>Writes one part's result files.</summary>
    /// <param name="store">The item store.</param>
    /// <param name="request">The map run (its ResultWriter must export).</param>
    /// <param name="part">The part number (n in <c>SUCCEEDED_n.json</c>).</param>
    /// <param name="entries">The part's children, fully described (Transformation NONE).</param>
    /// <param name="outputs">The succeeded children's outputs, aligned with <paramref name="entries"/>.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The files written: <c>{"Status", "Key", "Size"}</c>.</returns>
    public static async Task<JsonArray> WritePartAsync(IItemStore store, MapRunRequest request, int part, JsonArray entries, JsonArray outputs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var writer = Writer(request);
        var files = new JsonArray();
        foreach (var status in Statuses)
        {
            var selected = new JsonArray();
            for (var i = 0; i < entries.Count; i++)
            {
                if ((string?)entries[i]?["Status"] == status)
                {
                    Add(selected, entries[i], outputs[i], status == "SUCCEEDED" ? writer.Transformation : "NONE");
                }
            }

            if (selected.Count == 0)
            {
                continue;
            }

            var key = PartKey(request, status, part);
            var size = await store.WriteAsync(writer.Bucket, key, MapRunResults.Serialize(selected, writer.OutputType), cancellationToken).ConfigureAwait(false);
            files.Add(new JsonObject { ["Status"] = status, ["Key"] = key, ["Size"] = size });
        }

        return files;
    }

    /// <summary>Writes <c>manifest.json</c> and returns the Map's output (<c>{"MapRunArn", "ResultWriterDetails"}</c>).</summary>
    /// <param name="store">The item store.</param>
    /// <param name="request">The map run (its ResultWriter must export).</param>
    /// <param name="files">Every part's files, as <see cref="WritePartAsync"/> returned them, in part order.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The Map's output.</returns>
    public static async Task<JsonObject> WriteManifestAsync(IItemStore store, MapRunRequest request, IEnumerable<JsonNode?> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var writer = Writer(request);
        var byStatus = new JsonObject();
        foreach (var status in Statuses)
        {
            byStatus[status] = new JsonArray();
        }

        foreach (var file in files)
        {
            ((JsonArray)byStatus[(string)file!["Status"]!]!).Add(new JsonObject { ["Key"] = file["Key"]!.DeepClone(), ["Size"] = file["Size"]!.DeepClone() });
        }

        var manifestKey = Folder(request) + "manifest.json";
        var manifest = new JsonObject { ["DestinationBucket"] = writer.Bucket, ["MapRunArn"] = request.MapRunArn, ["ResultFiles"] = byStatus };
        await store.WriteAsync(writer.Bucket, manifestKey, Encoding.UTF8.GetBytes(manifest.ToJsonString(MapRunResults.FileJson)), cancellationToken).ConfigureAwait(false);
        return new JsonObject
        {
            ["MapRunArn"] = request.MapRunArn,
            ["ResultWriterDetails"] = new JsonObject { ["Bucket"] = writer.Bucket, ["Key"] = manifestKey },
        };
    }

    /// <summary>
    /// Adds a part to the Map's output when the results are not exported: without a ResultWriter the succeeded children's
    /// outputs (in item order); with only a WriterConfig its transformation of the succeeded children, and the failed
    /// children's full descriptions (which follow all succeeded ones).
    /// </summary>
    /// <param name="request">The map run.</param>
    /// <param name="entries">The part's children, fully described.</param>
    /// <param name="outputs">The succeeded children's outputs, aligned with <paramref name="entries"/>.</param>
    /// <param name="succeeded">Collects the succeeded children's part of the output.</param>
    /// <param name="failed">Collects the failed children's part of the output.</param>
    public static void AddToOutput(MapRunRequest request, JsonArray entries, JsonArray outputs, JsonArray succeeded, JsonArray failed)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(succeeded);
        ArgumentNullException.ThrowIfNull(failed);
        for (var i = 0; i < entries.Count; i++)
        {
            var status = (string?)entries[i]?["Status"];
            if (status == "SUCCEEDED")
            {
                Add(succeeded, entries[i], outputs[i], request.Writer?.Transformation ?? "COMPACT");
            }
            else if (status == "FAILED" && request.Writer is not null)
            {
                failed.Add(entries[i]?.DeepClone());
            }
        }
    }

    private static void Add(JsonArray target, JsonNode? entry, JsonNode? output, string transformation)
    {
        if (transformation is "COMPACT" or "FLATTEN")
        {
            MapRunResults.AddOutput(target, output?.DeepClone(), transformation);
        }
        else
        {
            target.Add(entry?.DeepClone());
        }
    }

    /// <summary>The key of one part's result file of a status (<c>&lt;prefix&gt;/&lt;map run id&gt;/&lt;STATUS&gt;_n.json</c>).</summary>
    /// <param name="request">The map run (its ResultWriter must export).</param>
    /// <param name="status">SUCCEEDED, FAILED or PENDING.</param>
    /// <param name="part">The part number.</param>
    /// <returns>The blob name in the ResultWriter's bucket.</returns>
    public static string PartKey(MapRunRequest request, string status, int part)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Folder(request) + status + "_" + part.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".json";
    }

    private static MapRunWriter Writer(MapRunRequest request) =>
        request.Writer is { Exports: true } writer ? writer : throw new ArgumentException("The map run's ResultWriter does not export.", nameof(request));

    private static string Folder(MapRunRequest request) =>
        (request.Writer!.Prefix.Length == 0 ? string.Empty : request.Writer.Prefix.TrimEnd('/') + "/") + request.MapRunId + "/";
}
