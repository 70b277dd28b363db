using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Ends a map run: with an exporting ResultWriter, lists the result files the chunks wrote and writes
/// <c>manifest.json</c>; otherwise gathers the Map's output from the chunks' results, one chunk at a time, and fails with
/// <c>States.DataLimitExceeded</c> as soon as it outgrows the payload quota (it must travel in the parent's history).
/// Then it deletes the map run's working blobs (<c>asl-map-runs/&lt;id&gt;/</c>) unless the map run failed (a redrive of
/// the parent reads them); result files stay.
/// </summary>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
public sealed class MapRunFinishActivity(IItemStore? store) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var request = DurableJson.Deserialize<MapRunActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(MapRunActivityInput));
        var items = MapRunStorage.Require(store);
        try
        {
            return await FinishAsync(items, request).ConfigureAwait(false);
        }
        finally
        {
            if (request.KeepWorkingData != true)
            {
                await MapRunStorage.DeleteWorkingDataAsync(items, request.Request).ConfigureAwait(false);
            }
        }
    });

    private static async Task<MapRunActivityResult> FinishAsync(IItemStore items, MapRunActivityInput request)
    {
        var run = request.Request;
        var aborted = request.AbortedChunks ?? [];
        if (run.Writer is { Exports: true } writer)
        {
            var folder = (writer.Prefix.Length == 0 ? string.Empty : writer.Prefix.TrimEnd('/') + "/") + run.MapRunId + "/";
            var files = new List<(string Status, int Part, JsonObject File)>();
            try
            {
                await foreach (var blob in items.ListAsync(writer.Bucket, folder, CancellationToken.None).ConfigureAwait(false))
                {
                    var name = blob.Key[folder.Length..];
                    var separator = name.LastIndexOf('_');
                    // A part of an aborted chunk was written late, by an activity that had not yet seen the map run end.
                    if (separator > 0 && name.EndsWith(".json", StringComparison.Ordinal)
                        && int.TryParse(name[(separator + 1)..^5], NumberStyles.None, CultureInfo.InvariantCulture, out var part) && !aborted.Contains(part))
                    {
                        files.Add((name[..separator], part, new JsonObject { ["Status"] = name[..separator], ["Key"] = blob.Key, ["Size"] = blob.Size }));
                    }
                }

                var ordered = files.OrderBy(f => f.Status, StringComparer.Ordinal).ThenBy(f => f.Part).Select(f => (JsonNode?)f.File);
                var output = await MapRunResultFiles.WriteManifestAsync(items, run, ordered, CancellationToken.None).ConfigureAwait(false);
                return new MapRunActivityResult(PayloadVersion.Current) { Output = output };
            }
            catch (Exception e) when (e is not AslErrorException and not OperationCanceledException)
            {
                throw new AslErrorException(StatesErrorNames.ResultWriterFailed, $"Writing the results to {writer.Bucket}/{writer.Prefix} failed: {e.Message}");
            }
        }

        var limit = request.MaxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes;
        var succeeded = new JsonArray();
        var failed = new JsonArray();
        for (var chunk = 0; chunk < request.Chunk; chunk++)
        {
            if (aborted.Contains(chunk))
            {
                continue;
            }

            var results = await MapRunStorage.ReadAsync(items, MapRunStorage.ResultsBlob(run, chunk), CancellationToken.None).ConfigureAwait(false);
            MapRunResultFiles.AddToOutput(run, (JsonArray)results["Entries"]!, (JsonArray)results["Outputs"]!, succeeded, failed);
            if (PayloadSizeGuard.Size(succeeded) + PayloadSizeGuard.Size(failed) > limit)
            {
                throw new AslErrorException(
                    StatesErrorNames.DataLimitExceeded,
                    $"The state/task '{run.StateName}' returned a result with a size exceeding the maximum number of bytes service limit.");
            }
        }

        foreach (var entry in failed.ToArray())
        {
            failed.Remove(entry);
            succeeded.Add(entry);
        }

        return new MapRunActivityResult(PayloadVersion.Current) { Output = succeeded };
    }
}
