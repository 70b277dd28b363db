using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities.MapRuns;

/// <summary>
/// Redrives one chunk of a map run (RedriveExecution of the parent): a chunk whose result was recorded runs again only its
/// children that did not succeed, and its result is recorded again with the succeeded children's entries and outputs
/// kept; a chunk every child of which succeeded is only counted; a chunk never run (pending, or running when the map run
/// was aborted without a record) runs whole; an aborted chunk's record names its never-started children PENDING, which
/// start now under those names. EXPRESS children run again in memory here, with the inputs they ran with. STANDARD children
/// are redriven in place (<see cref="IMapRunChildRedrives"/>, the code RedriveExecution uses): the activity answers
/// <see cref="MapRunActivityResult.Pending"/> while they run and is called again (a child this redrive already redrove
/// is not redriven twice); a chunk to run whole, or any STANDARD chunk on a host that cannot redrive children, answers
/// <see cref="MapRunActivityResult.RunWhole"/> and the orchestration runs it as a first run does.
/// </summary>
/// <remarks>AWS reruns a redriven map run's unsuccessful EXPRESS children as new executions and redrives its STANDARD ones.</remarks>
/// <param name="store">The item store, or <see langword="null"/> when the host has none.</param>
/// <param name="tasks">Runs the children's Task states.</param>
/// <param name="plans">Compiled definitions.</param>
/// <param name="redrives">Redrives STANDARD children in place, or <see langword="null"/> when the host cannot.</param>
/// <param name="instances">The task hub's client, to stop EXPRESS children once the map run has ended (<see cref="MapRunEndWatch"/>), or <see langword="null"/>.</param>
public sealed class MapRunRedriveChunkActivity(IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, IMapRunChildRedrives? redrives = null, IExecutionClient? instances = null)
    : TaskActivity<string, string>
{
    /// <summary>How long one call waits for redriven STANDARD children before it answers that they still run.</summary>
    public static readonly TimeSpan ChildWait = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(store, tasks, plans, input, redrives, instances);

    /// <summary>Runs the activity (also called by the Functions app's trigger).</summary>
    /// <param name="store">The item store, or <see langword="null"/>.</param>
    /// <param name="tasks">Runs the children's Task states.</param>
    /// <param name="plans">Compiled definitions.</param>
    /// <param name="input">The activity's input.</param>
    /// <param name="redrives">Redrives STANDARD children in place, or <see langword="null"/>.</param>
    /// <param name="instances">The task hub's client to watch the map run with, or <see langword="null"/>.</param>
    /// <returns>The activity's result.</returns>
    /// <remarks>Once the map run has ended without the chunk, nothing more is recorded (the chunk keeps its earlier record).</remarks>
    public static Task<string> RunAsync(
        IItemStore? store, ITaskHandler tasks, ExecutionPlanCache plans, string input, IMapRunChildRedrives? redrives = null, IExecutionClient? instances = null) => MapRunStorage.GuardAsync(async () =>
    {
        var loaded = await ExpressChunk.LoadAsync(store, tasks, plans, input).ConfigureAwait(false);
        using var watch = MapRunEndWatch.Start(instances, loaded.Request.Request);
        var stop = watch?.Ended ?? CancellationToken.None;
        var (request, items, plan, chunk, host, options) = loaded;
        var run = request.Request;
        if (!run.Express && redrives is null)
        {
            return new MapRunActivityResult(PayloadVersion.Current) { RunWhole = true };
        }

        var firstIndex = loaded.FirstIndex;
        var recorded = await MapRunStorage.TryReadAsync(items, MapRunStorage.ResultsBlob(run, request.Chunk), CancellationToken.None).ConfigureAwait(false);
        MapRunChunkResult result;
        var notRedrivable = new List<int>();
        MapRunActivityResult taken;
        if (recorded is JsonObject { } previous && previous["Entries"] is JsonArray entries && previous["Outputs"] is JsonArray outputs)
        {
            var (indexes, inputs) = MapRunChunks.Unsuccessful(entries);

            // Its unsuccessful children leave pendingRedrive once restarted (STANDARD) or rerun (EXPRESS) here.
            var (unsuccessfulItems, unsuccessfulChildren) = MapRunChunks.UnsuccessfulCounts(run, entries);
            taken = new MapRunActivityResult(PayloadVersion.Current) { RedrivenItems = unsuccessfulItems, RedrivenChildren = unsuccessfulChildren };
            if (run.Express)
            {
                if (await MapRunEndWatch.UntilEndedAsync(watch, MapRunChunks.RerunExpressAsync(plan, run, inputs, host, options, stop)).ConfigureAwait(false) is not { } rerun)
                {
                    return ExpressChunk.Abandoned;
                }

                result = MapRunChunks.Merge(run, entries, outputs, indexes, rerun);
            }
            else
            {
                var redriven = await RedriveStandardAsync(redrives!, loaded, entries, indexes, notRedrivable).ConfigureAwait(false);
                if (redriven.Children is null)
                {
                    return taken with { Pending = true, Redriven = [.. redriven.Indexes.Select(i => MapRunInstanceIds.FromArn((string)entries[i]!["ExecutionArn"]!))] };
                }

                result = MapRunChunks.Merge(run, entries, outputs, redriven.Indexes, MapRunChunks.Describe(run, redriven.Children));
            }

            if (stop.IsCancellationRequested)
            {
                return ExpressChunk.Abandoned;
            }

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
            return run.Express ? await loaded.RunAndRecordAsync(watch).ConfigureAwait(false) : new MapRunActivityResult(PayloadVersion.Current) { RunWhole = true };
        }

        var counted = await MapRunStorage.RecordAsync(items, run, request.Chunk, chunk.Count, result, CancellationToken.None).ConfigureAwait(false);
        counted = counted with { RedrivenItems = taken.RedrivenItems, RedrivenChildren = taken.RedrivenChildren };
        return notRedrivable.Count > 0
            ? counted with { NotRedrivable = notRedrivable.Count, NotRedrivableItems = notRedrivable.Sum(i => MapRunChunks.EntryItems(run, entries[i])) }
            : counted;
    });

    /// <summary>
    /// Redrives the chunk's unsuccessful STANDARD children and waits for them up to <see cref="ChildWait"/>: what they did
    /// (positions in <paramref name="entries"/> and outcomes, aligned), or no outcomes while some still run. A child that
    /// cannot be redriven keeps its entry and counts as not redrivable.
    /// </summary>
    private static async Task<(List<int> Indexes, List<MapRunChild>? Children)> RedriveStandardAsync(
        IMapRunChildRedrives redrives, ExpressChunk loaded, JsonArray entries, IReadOnlyList<int> unsuccessful, List<int> notRedrivable)
    {
        var run = loaded.Request.Request;
        var redriveDate = run.RedriveDate ?? throw new InvalidOperationException("A redriven map run has a redrive date.");
        var redriven = new List<int>();
        IReadOnlyList<JsonNode?>? inputs = null;
        foreach (var index in unsuccessful)
        {
            var arn = (string?)entries[index]?["ExecutionArn"];
            if (arn is not null && (string?)entries[index]?["Status"] == MapRunChunks.PendingStatus)
            {
                // Never started (its chunk was aborted first): started now under the name it was given.
                inputs ??= MapRunChunks.ChildInputs(loaded.Plan, run, [.. loaded.Items], loaded.FirstIndex, loaded.Host, loaded.Options);
                await StartPendingAsync(redrives, loaded, arn, inputs[index]).ConfigureAwait(false);
                redriven.Add(index);
            }
            else if (arn is not null && await redrives.RedriveAsync(arn, redriveDate, CancellationToken.None).ConfigureAwait(false) is null)
            {
                redriven.Add(index);
            }
            else
            {
                notRedrivable.Add(index);
            }
        }

        var until = DateTimeOffset.UtcNow + ChildWait;
        var children = new List<MapRunChild>(redriven.Count);
        foreach (var index in redriven)
        {
            var left = until - DateTimeOffset.UtcNow;
            var child = await redrives.OutcomeAsync((string)entries[index]!["ExecutionArn"]!, redriveDate, left > TimeSpan.Zero ? left : TimeSpan.Zero, CancellationToken.None).ConfigureAwait(false);
            if (child is null)
            {
                return (redriven, null);
            }

            children.Add(child);
        }

        return (redriven, children);
    }

    /// <summary>Starts a never-started child of an aborted chunk as the map run would have started it.</summary>
    private static Task StartPendingAsync(IMapRunChildRedrives redrives, ExpressChunk loaded, string arn, JsonNode? input)
    {
        var request = loaded.Request;
        var run = request.Request;
        var name = arn[(arn.LastIndexOf(':') + 1)..];
        var processor = ItemProcessorDefinition.Extract(request.Definition, run.StateName);
        var child = new MapRunChildStart(
            run.MapRunArn, arn, name, MapRunInstanceIds.FromArn(arn), run.StateMachineName + "/" + run.Label, processor, input?.ToJsonString() ?? "null", DateTimeOffset.UtcNow);
        return redrives.StartAsync(child, MapRunOrchestrator.ChildPayload(run, processor, name, input, request.MaxPayloadBytes, request.SkipWaits), CancellationToken.None);
    }
}
