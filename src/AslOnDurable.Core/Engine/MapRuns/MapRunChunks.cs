using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Executors;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>
/// The work of a map run that a host hands to its workers: stream the ItemReader, turn a chunk of items into child inputs
/// (ItemSelector with <c>$$.Map.Item</c> at the items' global indexes, then the ItemBatcher), run EXPRESS children in
/// memory, and describe children as AWS's result files do. A chunk never crosses an ItemBatcher batch boundary when the
/// host sizes chunks in multiples of MaxItemsPerBatch.
/// </summary>
public static partial class MapRunChunks
{
    /// <summary>The cause AWS reports when the tolerated failure threshold is exceeded.</summary>
    public const string ThresholdCause = MapStateExecutor.ThresholdCause;

    /// <summary>Streams the map run's items from the store; reader problems are <c>States.ItemReaderFailed</c> (<see cref="AslErrorException"/>).</summary>
    /// <param name="store">The item store.</param>
    /// <param name="request">The map run.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The items, in order.</returns>
    public static async IAsyncEnumerable<JsonNode?> ReadItemsAsync(IItemStore store, MapRunRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var source = ItemReaderResources.Resolve(request.ReaderResource, request.ReaderArguments, request.ReaderConfig, request.MaxItems);
        var items = BlobItemReader.ReadAsync(store, source, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (items.ConfigureAwait(false))
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not AslErrorException and not OperationCanceledException)
                {
                    throw BlobItemReader.Failed($"Reading {source.Location} failed: {e.Message}");
                }

                if (!more)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
    }

    /// <summary>The child inputs of a chunk of items: ItemSelector per item, then the ItemBatcher.</summary>
    /// <param name="plan">The parent's compiled definition.</param>
    /// <param name="request">The map run.</param>
    /// <param name="items">The chunk's items.</param>
    /// <param name="firstIndex">The first item's index in the whole item set.</param>
    /// <param name="host">Time and ids for the ItemSelector's context.</param>
    /// <param name="options">Quota settings.</param>
    /// <returns>The child inputs.</returns>
    public static IReadOnlyList<JsonNode?> ChildInputs(ExecutionPlan plan, MapRunRequest request, IReadOnlyList<JsonNode?> items, long firstIndex, IExecutionHost host, ExecutionOptions options)
    {
        var (state, frame) = Prepare(plan, request, host, options);
        return Inputs(state, frame, request, items, firstIndex);
    }

    /// <summary>Runs a chunk's EXPRESS children in memory, at most MaxConcurrency at a time (0: all).</summary>
    /// <param name="plan">The parent's compiled definition.</param>
    /// <param name="request">The map run.</param>
    /// <param name="items">The chunk's items (those without a parent are taken over: children may change them).</param>
    /// <param name="firstIndex">The first item's index in the whole item set.</param>
    /// <param name="host">The in-memory host the children run on (time, ids, task calls).</param>
    /// <param name="options">Quota settings.</param>
    /// <param name="stop">
    /// Stops the children (the map run has ended, and AWS stops its running children): none starts any more and the running
    /// ones end ABORTED at their next state; the result is then incomplete, not to be recorded.
    /// </param>
    /// <returns>What the children did.</returns>
    public static async Task<MapRunChunkResult> RunExpressAsync(
        ExecutionPlan plan, MapRunRequest request, IReadOnlyList<JsonNode?> items, long firstIndex, IExecutionHost host, ExecutionOptions options,
        CancellationToken stop = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (state, frame) = Prepare(plan, request, host, options);
        return await RunChildrenAsync(state, frame, request, Inputs(state, frame, request, items, firstIndex), host, stop).ConfigureAwait(false);
    }

    /// <summary>Runs EXPRESS children of the given inputs in memory, at most MaxConcurrency at a time (0: all); <paramref name="stop"/> as above.</summary>
    private static async Task<MapRunChunkResult> RunChildrenAsync(
        MapStatePlan state, ExecutionFrame frame, MapRunRequest request, List<JsonNode?> inputs, IExecutionHost host, CancellationToken stop)
    {
        var children = new MapRunChild[inputs.Count];
        var abort = new BranchAbort(null);
        using var stopping = stop.Register(abort.Request);

        // As in memory: the input's text and item count are taken before the child starts, then the child owns the input.
        var texts = new string[inputs.Count];
        var counts = new long[inputs.Count];
        await BranchScheduler.RunAsync(
            inputs.Count,
            request.MaxConcurrency,
            (int index, out ExecutionFrame? child) =>
            {
                if (abort.IsRequested)
                {
                    child = null;
                    children[index] = new MapRunChild(string.Empty, null, "ABORTED", null, null, host.UtcNow, host.UtcNow);
                    return new ValueTask<BranchOutcome>(new BranchOutcome(ExecutionStatus.Aborted, null, null));
                }

                child = new ExecutionFrame(frame.Run, state.ItemProcessor, frame.Environment.Scope.CreateChild(), abort);
                var input = inputs[index];
                inputs[index] = null;
                texts[index] = JavaJsonText.Compact(input);
                counts[index] = ItemCount(request, input);
                children[index] = new MapRunChild(host.NewGuid().ToString("D", CultureInfo.InvariantCulture), null, "RUNNING", null, null, host.UtcNow, default);
                return Interpreter.RunFrameAsync(child, input);
            },
            (index, outcome) =>
            {
                children[index] = children[index] with
                {
                    Status = MapStateExecutor.ChildStatus(outcome.Status),
                    Output = outcome.Status == ExecutionStatus.Succeeded ? outcome.Output : null,
                    Error = outcome.Status == ExecutionStatus.Succeeded ? null : outcome.Error ?? new AslError(StatesErrorNames.Runtime, null),
                    Stop = host.UtcNow,
                };
                return true;
            }).ConfigureAwait(false);
        return Describe(request, children, texts, counts);
    }

    /// <summary>Describes children that ran (STANDARD children the host ran, or EXPRESS ones run here) and counts them.</summary>
    /// <param name="request">The map run.</param>
    /// <param name="children">The children, in item order.</param>
    /// <returns>The chunk's result.</returns>
    public static MapRunChunkResult Describe(MapRunRequest request, IReadOnlyList<MapRunChild> children)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(children);
        return Describe(request, children, null, null);
    }

    /// <summary>Describes children whose inputs' texts and item counts may have been taken before they ran (the inputs then left out).</summary>
    private static MapRunChunkResult Describe(MapRunRequest request, IReadOnlyList<MapRunChild> children, string[]? inputTexts, long[]? itemCounts)
    {
        var results = new MapRunResults(Identity(request), children.Count);
        int succeeded = 0, failed = 0;
        long failedItems = 0;
        AslError? first = null;

        // An exporting ResultWriter with Transformation NONE writes the entries only: the outputs are not needed.
        var keepOutputs = request.Writer is not { Exports: true, Transformation: "NONE" };
        var outputs = new JsonArray();
        for (var i = 0; i < children.Count; i++)
        {
            var child = children[i];
            results.Started(i, child.Name, inputTexts?[i] ?? JavaJsonText.Compact(child.Input), child.Start);
            results.Finished(i, child.Status, child.Output, child.Error, child.Stop);
            outputs.Add(keepOutputs && child.Status == "SUCCEEDED" ? Detached(child.Output) : null);
            if (child.Status == "SUCCEEDED")
            {
                succeeded++;
                continue;
            }

            failed++;
            failedItems += itemCounts?[i] ?? ItemCount(request, child.Input);
            first ??= child.Error;
        }

        return new MapRunChunkResult(results.Entries(), outputs, succeeded, failed, failedItems, first);
    }

    /// <summary>The items a child's input stands for: a batch's item count, else 1.</summary>
    private static long ItemCount(MapRunRequest request, JsonNode? input) =>
        request.Batcher is not null && input?["Items"] is JsonArray batch ? batch.Count : 1;

    /// <summary>The node itself when it has no parent (a child's output is its own), else a copy.</summary>
    private static JsonNode? Detached(JsonNode? node) => node is { Parent: null } ? node : node?.DeepClone();

    /// <summary>A child execution's ARN (<c>…:execution:&lt;machine&gt;/&lt;label&gt;:&lt;name&gt;</c>, <c>express:</c> for EXPRESS children).</summary>
    /// <param name="request">The map run.</param>
    /// <param name="name">The child's name.</param>
    /// <returns>The ARN.</returns>
    public static string ChildExecutionArn(MapRunRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Identity(request).ChildExecutionArn(name);
    }

    /// <summary>The map run's names (its ARN, its children's ARNs).</summary>
    internal static MapRunIdentity Identity(MapRunRequest request) =>
        new(request.ArnPrefix, request.StateMachineName, request.Label, request.MapRunId, request.Express);

    private static List<JsonNode?> Inputs(MapStatePlan state, ExecutionFrame frame, MapRunRequest request, IReadOnlyList<JsonNode?> items, long firstIndex)
    {
        var inputs = new List<JsonNode?>(items.Count);
        var selects = state.IsJsonata ? state.JsonataItemSelector is not null : state.ItemSelector is not null;
        for (var i = 0; i < items.Count; i++)
        {
            // Without an ItemSelector the input is the item: one without a parent is the caller's to give away, not copied.
            inputs.Add(!selects && items[i] is { Parent: null } item
                ? item
                : MapStateExecutor.IterationInput(state, frame, request.EffectiveInput, items[i], checked((int)(firstIndex + i))));
        }

        return request.Batcher is { } batcher ? [.. MapStateExecutor.Group(batcher, inputs)] : inputs;
    }

    /// <summary>A frame standing where the Map state stands in the parent: its context object, its variables.</summary>
    private static (MapStatePlan State, ExecutionFrame Frame) Prepare(ExecutionPlan plan, MapRunRequest request, IExecutionHost host, ExecutionOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(request);
        var state = Find(plan.Root, request.StateName)
            ?? throw new ArgumentException($"The definition has no Map state '{request.StateName}'.", nameof(request));
        var executionRequest = new ExecutionRequest
        {
            Input = request.ExecutionInput,
            Name = request.ExecutionName,
            StateMachineName = request.StateMachineName,
            ArnPrefix = request.ArnPrefix,
        };
        var checkpoint = new ExecutionCheckpoint { StateName = request.StateName, StartTime = request.ExecutionStartTime, ExecutionName = request.ExecutionName };
        var run = new ExecutionRun(executionRequest, host, options, null, checkpoint);
        var scope = new VariableScope(null, new VariableSizeBudget(options));
        if (request.Variables is { } variables)
        {
            scope.Restore((JsonObject)variables.DeepClone());
        }

        var frame = new ExecutionFrame(run, plan.Root, scope, null);
        frame.Environment.Enter(state.Name, request.StateEnteredTime, 0, hasRetryCount: false);
        return (state, frame);
    }

    private static MapStatePlan? Find(StateMachinePlan machine, string name)
    {
        foreach (var state in machine.States)
        {
            switch (state)
            {
                case MapStatePlan map when map.Name == name:
                    return map;
                case MapStatePlan map when Find(map.ItemProcessor, name) is { } inner:
                    return inner;
                case ParallelStatePlan parallel:
                    foreach (var branch in parallel.Branches)
                    {
                        if (Find(branch, name) is { } found)
                        {
                            return found;
                        }
                    }

                    break;
            }
        }

        return null;
    }
}
