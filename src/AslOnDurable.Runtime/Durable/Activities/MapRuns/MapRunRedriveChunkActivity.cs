using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Redrives one chunk of a map run's EXPRESS children (RedriveExecution of the parent): a chunk whose result was recorded
/// runs again only its children that did not succeed, with the inputs they ran with, and its result is recorded again
/// with the succeeded children's entries and outputs kept; a chunk every child of which succeeded is only counted; a
/// chunk never run (pending, or running when the map run was aborted) runs whole.
/// </summary>
/// <remarks>AWS reruns a redriven map run's unsuccessful EXPRESS children as new executions (StartExecution).</remarks>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="tasks">Runs the children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
public sealed class MapRunRedriveChunkActivity(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, tasks, plans, input);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    public static Task<string> RunAsync(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, string input) => MapRunStorage.GuardAsync(async () =>
    {
        var loaded = await ExpressChunk.LoadAsync(store, tasks, plans, input).ConfigureAwait(false);
        var (request, items, plan, chunk, host, options) = loaded;
        var run = request.Request;
        var firstIndex = loaded.FirstIndex;
        var recorded = await MapRunStorage.TryReadAsync(items, MapRunStorage.ResultsBlob(run, request.Chunk), CancellationToken.None).ConfigureAwait(false);
        MapRunChunkResult result;
        if (recorded is JsonObject { } previous && previous["Entries"] is JsonArray entries && previous["Outputs"] is JsonArray outputs)
        {
            var (indexes, inputs) = MapRunChunks.Unsuccessful(entries);
            var rerun = await MapRunChunks.RerunExpressAsync(plan, run, inputs, host, options).ConfigureAwait(false);
            result = MapRunChunks.Merge(run, entries, outputs, indexes, rerun);
            if (run.Writer is { Exports: true } writer && result.Failed == 0)
            {
                await items.DeleteAsync(writer.Bucket, MapRunResultFiles.PartKey(run, "FAILED", request.Chunk), CancellationToken.None).ConfigureAwait(false);
                await items.DeleteAsync(MapRunStorage.Container, MapRunStorage.ResultsBlob(run, request.Chunk), CancellationToken.None).ConfigureAwait(false);
            }
        }
        else if (run.Writer is { Exports: true } writer && await items.OpenReadAsync(writer.Bucket, MapRunResultFiles.PartKey(run, "SUCCEEDED", request.Chunk), CancellationToken.None).ConfigureAwait(false) is { } succeeded)
        {
            // Every child succeeded (no working result was kept): nothing runs, the chunk is only counted.
            await succeeded.DisposeAsync().ConfigureAwait(false);
            var children = MapRunChunks.ChildInputs(plan, run, [.. chunk], firstIndex, host, options).Count;
            return new MapRunActivityResult(PayloadVersion.Current) { Succeeded = children, Failed = 0, FailedItems = 0, Items = chunk.Count };
        }
        else
        {
            return await loaded.RunAndRecordAsync().ConfigureAwait(false);
        }

        return await MapRunStorage.RecordAsync(items, run, request.Chunk, chunk.Count, result, CancellationToken.None).ConfigureAwait(false);
    });
}
