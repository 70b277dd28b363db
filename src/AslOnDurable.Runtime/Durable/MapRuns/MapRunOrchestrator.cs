using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// Runs one distributed Map's map run as an orchestration of its own, so the parent's history holds one
/// sub-orchestration call whatever the item count: an activity streams the ItemReader into chunk blobs, then chunks run
/// (EXPRESS: one activity per chunk runs its children in memory; STANDARD: each child a <see cref="StateMachineOrchestrator"/>
/// execution of its own), at most MaxConcurrency children at a time, and an activity writes the manifest or gathers the
/// output. The orchestration holds counters and chunk numbers, never items, and continues as new every
/// <see cref="MapRunInput.MaxChunksPerGeneration"/> chunks so that its own history stays bounded too.
/// </summary>
/// <remarks>
/// AWS: without ToleratedFailureCount/Percentage the first failed child fails the Map with its error; with them the Map
/// fails with <c>States.ExceedToleratedFailureThreshold</c> once the failed items exceed the threshold. The failure is
/// known as a chunk ends: no further chunk starts, and the STANDARD children of the other chunks still running are
/// aborted (<see cref="MapRunInput.AbortOnFailure"/>; a chunk's own siblings finish first), as are the other running
/// EXPRESS chunks (<see cref="MapRunInput.AbortRunningChunks"/>: their activities see the map run ended and stop; the
/// finish leaves their results out); redriven STANDARD map runs still wait for theirs. The map run's record (<see cref="MapRunRecord"/>) is the orchestration's
/// custom status while it runs and part of its output.
/// </remarks>
/// <param name="closesOpenChildren">
/// Whether a map run that ends without its running STANDARD children terminates them itself, by a call of
/// <see cref="ActivityNames.CloseChildren"/> (the Functions app); the self-hosts' closing service does it otherwise.
/// </param>
public sealed class MapRunOrchestrator(bool closesOpenChildren = false) : TaskOrchestrator<string, string>
{
    /// <summary>Items per chunk unless the input says otherwise.</summary>
    public const int DefaultChunkSize = 100;

    /// <summary>Chunks per generation unless the input says otherwise.</summary>
    public const int DefaultMaxChunksPerGeneration = 50;

    /// <summary>The concurrent children MaxConcurrency 0 stands for (AWS's limit for distributed maps).</summary>
    public const int BackendMaxConcurrency = 10_000;

    /// <summary>AWS's hard limit of redrives per map run; a redrive past it fails the map run with <c>States.Runtime</c>.</summary>
    public const int MaxRedrives = 1000;

    /// <summary>The cause of the error past <see cref="MaxRedrives"/>.</summary>
    internal const string RedriveLimitCause = "The map run has reached its limit of 1000 redrives.";

    /// <summary>The longest pause between two looks at a chunk's redriven STANDARD children.</summary>
    private static readonly TimeSpan MaxRedriveWait = TimeSpan.FromSeconds(15);

    /// <summary>Looks at a chunk's redriven STANDARD children (about 20 s each) before the map run gives up on them (about a day).</summary>
    private const int MaxRedriveLooks = 4_000;

    /// <summary>The external event UpdateMapRun raises (payload <see cref="MapRunUpdate"/>); chunks not yet started use it.</summary>
    public const string UpdateEventName = "UpdateMapRun";

    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var run = DurableJson.Deserialize<MapRunInput>(input);
        PayloadVersion.EnsureReadable(run.Version, nameof(MapRunInput));
        var request = run.Request;
        var chunkSize = ChunkSize(run);
        var progress = run.Progress;
        if (progress is null)
        {
            // The start date is read once, before staging; a redrive keeps its first run's (kept in run.json).
            var startDate = Utc(context);
            if (request.RedriveCount > MaxRedrives)
            {
                return Finish(context, run, new MapRunProgress(0, startDate, 0, 0, 0), null, StatesErrorNames.Runtime, RedriveLimitCause);
            }

            // A redrive iterates the items its first run staged (kept because it failed), else stages them.
            var staged = request.RedriveCount > 0 ? await CallAsync(context, ActivityNames.MapRunRedriveStage, Activity(run, 0, chunkSize)) : null;
            staged = staged is { ChunkCount: > 0, Error: null } ? staged : await CallAsync(context, ActivityNames.MapRunStage, Activity(run, 0, chunkSize) with { StartDate = startDate });
            if (staged.Error is not null)
            {
                return Finish(context, run, new MapRunProgress(0, startDate, 0, 0, 0), null, staged.Error, staged.Cause);
            }

            progress = new MapRunProgress(0, staged.StartDate ?? startDate, staged.ItemCount ?? 0, staged.ChunkCount ?? 0, 0)
            {
                PendingRedriveItems = staged.PendingRedriveItems ?? 0, PendingRedriveChildren = staged.PendingRedriveChildren ?? 0,
            };
        }

        var childrenPerChunk = request.Batcher is { MaxItemsPerBatch: > 0 } batcher ? Math.Max(1, chunkSize / (int)Math.Min(batcher.MaxItemsPerBatch, chunkSize)) : chunkSize;
        var chunksThisGeneration = 0;
        var limit = Math.Max(1, run.MaxChunksPerGeneration ?? DefaultMaxChunksPerGeneration);

        // UpdateMapRun: the event is read as chunks finish, so chunks not yet started and the next threshold check see it.
        var update = context.WaitForExternalEvent<string>(UpdateEventName);

        // A sliding window: a chunk starts as soon as another finishes (up to MaxConcurrency's children), and the record's
        // counts follow each finished chunk. The window is drained before the failure ends the map run or it continues as new.
        var running = new List<(int Chunk, Task<MapRunActivityResult> Result)>();
        AslError? failure = null;

        // A redriven STANDARD chunk whose children were restarted but still run: they leave pendingRedrive now.
        void Restarted(MapRunActivityResult restarted)
        {
            progress = Redriven(progress, restarted);
            SetRunning(context, run, progress, running, chunkSize, childrenPerChunk);
        }

        // Set once a failing map run has ended without its running children: their late answers start no more work.
        var open = new OpenMapRunChildren { StartsNoneOnceClosed = closesOpenChildren };

        // The children of the STANDARD chunks running (first runs): what an aborted chunk records for a redrive.
        var started = new Dictionary<int, MapRunChild?[]>();

        // A redrive's STANDARD chunks whose children were redriven in place (top-level instances) and still run, and the
        // timers between its looks at them: a failing redrive terminates the children and cancels the timers.
        var redriving = new Dictionary<int, IReadOnlyList<string>>();
        using var looks = new CancellationTokenSource();
        while (true)
        {
            (run, update) = await ApplyUpdateAsync(context, run, update);
            request = run.Request;
            if (failure is not null && running.Count > 0 && AbortsOnFailure(run))
            {
                // AWS aborts the children still running when the map run fails: end now; the host's closing service
                // answers the open child calls and terminates the children (in the Functions app the map run terminates them itself).
                open.Closed = true;
                if (closesOpenChildren && open.Running.Count > 0)
                {
                    // Not awaited: the terminated children answer their calls as failed, and the map run then completes.
                    _ = context.CallActivityAsync<string>(ActivityNames.CloseChildren, DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, [.. open.Running])));
                }

                if (run.AbortRunningChunks == true)
                {
                    // Cancel synchronously: CancelAsync runs the timers' callbacks on the thread pool, outside the orchestrator's thread.
#pragma warning disable CA1849 // Synchronous on purpose (replay rules).
                    looks.Cancel();
#pragma warning restore CA1849
                    await CloseRedrivenAsync(context, redriving);
                }

                if (run.RecordAborted == true)
                {
                    await RecordAbortedAsync(context, run, chunkSize, running, started);
                }

                var (openItems, openChildren) = Open(progress, running, chunkSize, childrenPerChunk);
                var aborted = progress with { AbortedItems = openItems, AbortedChildren = openChildren };
                return await EndAsync(context, run, aborted, chunkSize, failure.Error, failure.Cause, [.. running.Select(r => r.Chunk)]);
            }

            var concurrency = request.MaxConcurrency > 0 ? request.MaxConcurrency : BackendMaxConcurrency;
            var chunksAtOnce = Math.Max(1, concurrency / childrenPerChunk);
            while (failure is null && progress.NextChunk < progress.ChunkCount && running.Count < chunksAtOnce && chunksThisGeneration < limit)
            {
                var chunk = progress.NextChunk;
                running.Add((chunk, request.Express
                    ? CallAsync(context, request.RedriveCount > 0 ? ActivityNames.MapRunRedriveChunk : ActivityNames.MapRunChunk, MapRunStorage.Slim(Activity(run, chunk, chunkSize)))
                    : request.RedriveCount > 0
                        ? RedriveStandardChunkAsync(context, run, chunk, chunkSize, Math.Min(concurrency, childrenPerChunk), Restarted, redriving, open, started, looks.Token)
                        : RunStandardChunkAsync(context, run, chunk, chunkSize, Math.Min(concurrency, childrenPerChunk), open, started)));
                progress = progress with { NextChunk = chunk + 1 };
                chunksThisGeneration++;
            }

            if (running.Count == 0)
            {
                if (failure is null && progress.NextChunk < progress.ChunkCount)
                {
                    context.ContinueAsNew(DurableJson.Serialize(run with { Progress = progress with { Generation = progress.Generation + 1 } }));
                    return string.Empty;
                }

                return await EndAsync(context, run, progress, chunkSize, failure?.Error, failure?.Cause);
            }

            SetRunning(context, run, progress, running, chunkSize, childrenPerChunk);
            var finished = await Task.WhenAny(running.Select(r => r.Result));
            running.RemoveAt(running.FindIndex(r => r.Result == finished));
            var result = await finished;
            if (result.Fatal == true)
            {
                failure ??= new AslError(result.Error ?? StatesErrorNames.Runtime, result.Cause);
                continue;
            }

            progress = Redriven(progress, result) with
            {
                SucceededChildren = progress.SucceededChildren + (result.Succeeded ?? 0),
                FailedChildren = progress.FailedChildren + (result.Failed ?? 0),
                SucceededItems = progress.SucceededItems + (result.Items ?? 0) - (result.FailedItems ?? 0),
                FailedItems = progress.FailedItems + (result.FailedItems ?? 0),
                NotRedrivableChildren = progress.NotRedrivableChildren + (result.NotRedrivable ?? 0),
                NotRedrivableItems = progress.NotRedrivableItems + (result.NotRedrivableItems ?? 0),
                FirstError = progress.FirstError ?? result.Error,
                FirstCause = progress.FirstError is null ? result.Cause : progress.FirstCause,
            };
            (run, update) = await ApplyUpdateAsync(context, run, update);
            failure ??= Exceeded(run.Request, progress);
        }
    }

    /// <summary>The record while chunks run: their items and children as running, the finished ones counted.</summary>
    private static void SetRunning(TaskOrchestrationContext context, MapRunInput run, MapRunProgress progress, List<(int Chunk, Task<MapRunActivityResult> Result)> running, int chunkSize, int childrenPerChunk)
    {
        var (items, children) = Open(progress, running, chunkSize, childrenPerChunk);
        context.SetCustomStatus(DurableJson.Serialize(Record(run, progress, "RUNNING", null, items, children)));
    }

    /// <summary>The items and children of the chunks still running.</summary>
    private static (long Items, long Children) Open(MapRunProgress progress, List<(int Chunk, Task<MapRunActivityResult> Result)> running, int chunkSize, int childrenPerChunk)
    {
        long items = 0, children = 0;
        foreach (var (chunk, _) in running)
        {
            var inChunk = Math.Min(chunkSize, progress.ItemCount - ((long)chunk * chunkSize));
            items += inChunk;
            children += Math.Min(childrenPerChunk, inChunk);
        }

        return (items, children);
    }

    /// <summary>
    /// Whether a failure ends this map run without waiting for its running children: a first run of STANDARD children started
    /// with <see cref="MapRunInput.AbortOnFailure"/>, or EXPRESS children with <see cref="MapRunInput.AbortRunningChunks"/>
    /// (their chunk activities stop once they see the map run ended).
    /// </summary>
    private static bool AbortsOnFailure(MapRunInput run) =>
        run.AbortRunningChunks == true || (run.AbortOnFailure == true && !run.Request.Express && run.Request.RedriveCount == 0);

    /// <summary>Terminates, through an activity (replay-safe), the children a failing redrive redrove in place and that still run.</summary>
    private static async Task CloseRedrivenAsync(TaskOrchestrationContext context, Dictionary<int, IReadOnlyList<string>> redriving)
    {
        string[] children = [.. redriving.OrderBy(r => r.Key).SelectMany(r => r.Value)];
        if (children.Length == 0)
        {
            return;
        }

        try
        {
            await context.CallActivityAsync<string>(ActivityNames.CloseChildren, DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, children)));
        }
        catch (TaskFailedException)
        {
            // Best effort, as the closing service's terminations: a child left running ends on its own.
        }
    }


    /// <summary>The progress without a redriven chunk's previously unsuccessful children in <c>pendingRedrive</c>.</summary>
    private static MapRunProgress Redriven(MapRunProgress progress, MapRunActivityResult result) => progress with
    {
        PendingRedriveItems = Math.Max(0, progress.PendingRedriveItems - (result.RedrivenItems ?? 0)),
        PendingRedriveChildren = Math.Max(0, progress.PendingRedriveChildren - (result.RedrivenChildren ?? 0)),
    };

    /// <summary>The error that fails the Map once failures pass what it tolerates, or <see langword="null"/>.</summary>
    internal static AslError? Exceeded(MapRunRequest request, MapRunProgress progress)
    {
        if (progress.FailedChildren == 0)
        {
            return null;
        }

        if (request.ToleratedFailureCount is null && request.ToleratedFailurePercentage is null)
        {
            return new AslError(progress.FirstError ?? StatesErrorNames.Runtime, progress.FirstCause);
        }

        var total = Math.Max(1, progress.ItemCount);
        return progress.FailedItems > (request.ToleratedFailureCount ?? double.MaxValue)
            || progress.FailedItems * 100.0 / total > (request.ToleratedFailurePercentage ?? 100)
            ? new AslError(StatesErrorNames.ExceedToleratedFailureThreshold, MapRunChunks.ThresholdCause)
            : null;
    }

    /// <summary>Applies an UpdateMapRun that arrived (and waits for the next one), or changes nothing.</summary>
    private static async Task<(MapRunInput Run, Task<string> Update)> ApplyUpdateAsync(TaskOrchestrationContext context, MapRunInput run, Task<string> update)
    {
        if (!update.IsCompleted)
        {
            return (run, update);
        }

        var applied = run with { Request = Apply(run.Request, DurableJson.Deserialize<MapRunUpdate>(await update)) };
        return (applied, context.WaitForExternalEvent<string>(UpdateEventName));
    }

    /// <summary>The map run with UpdateMapRun's settings applied (fields it leaves out keep their values).</summary>
    internal static MapRunRequest Apply(MapRunRequest request, MapRunUpdate update) => request with
    {
        MaxConcurrency = update.MaxConcurrency ?? request.MaxConcurrency,
        ToleratedFailureCount = update.ToleratedFailureCount ?? request.ToleratedFailureCount,
        ToleratedFailurePercentage = update.ToleratedFailurePercentage ?? request.ToleratedFailurePercentage,
    };

    /// <summary>Writes the results (also when failing, as AWS does) and ends the map run.</summary>
    private static async Task<string> EndAsync(
        TaskOrchestrationContext context, MapRunInput run, MapRunProgress progress, int chunkSize, string? error, string? cause, IReadOnlyList<int>? abortedChunks = null)
    {
        var finish = Activity(run, progress.NextChunk, chunkSize) with { KeepWorkingData = error is null ? null : true, AbortedChunks = abortedChunks };
        var finished = await CallAsync(context, ActivityNames.MapRunFinish, finish);
        if (error is null && finished.Error is not null)
        {
            (error, cause) = (finished.Error, finished.Cause);
        }

        return Finish(context, run, progress, error is null ? finished.Output : null, error, cause);
    }

    private static string Finish(TaskOrchestrationContext context, MapRunInput run, MapRunProgress progress, System.Text.Json.Nodes.JsonNode? output, string? error, string? cause)
    {
        var record = Record(run, progress, error is null ? "SUCCEEDED" : "FAILED", Utc(context));
        context.SetCustomStatus(DurableJson.Serialize(record));
        return DurableJson.Serialize(new MapRunOutput(PayloadVersion.Current, record) { Output = output, Error = error, Cause = cause });
    }

    /// <summary>
    /// Redrives one chunk's STANDARD children (a redriven map run): the activity redrives the unsuccessful ones in place and
    /// waits a few seconds for them; while they run it is called again after a durable timer that backs off (1 s doubling
    /// to 15 s), so a long child costs a few history events, not a tight loop (bounded: <see cref="MaxRedriveLooks"/>). A chunk never recorded runs whole.
    /// </summary>
    /// <remarks>
    /// While its children run, <paramref name="redriving"/> holds their instance ids (a failing redrive terminates them) and
    /// <paramref name="looks"/> cancels the timer between two looks. A chunk run whole runs as a first run's does (with
    /// <paramref name="open"/> and <paramref name="started"/>), when the map run sets <see cref="MapRunInput.AbortRunningChunks"/>.
    /// </remarks>
    private static async Task<MapRunActivityResult> RedriveStandardChunkAsync(
        TaskOrchestrationContext context, MapRunInput run, int chunk, int chunkSize, int concurrency, Action<MapRunActivityResult> restarted,
        Dictionary<int, IReadOnlyList<string>> redriving, OpenMapRunChildren open, Dictionary<int, MapRunChild?[]> started, CancellationToken looks)
    {
        var delay = TimeSpan.FromSeconds(1);
        var told = false;
        var aborts = run.AbortRunningChunks == true;
        for (var look = 0; look < MaxRedriveLooks; look++)
        {
            var result = await CallAsync(context, ActivityNames.MapRunRedriveChunk, MapRunStorage.Slim(Activity(run, chunk, chunkSize)));
            if (result.RunWhole == true)
            {
                return await RunStandardChunkAsync(context, run, chunk, chunkSize, concurrency, aborts ? open : new OpenMapRunChildren(), aborts ? started : null);
            }

            if (result.Pending != true)
            {
                // pendingRedrive was lowered once, when the children were restarted.
                redriving.Remove(chunk);
                return told ? result with { RedrivenItems = null, RedrivenChildren = null } : result;
            }

            if (!told)
            {
                restarted(result);
                told = true;
            }

            if (aborts)
            {
                redriving[chunk] = result.Redriven ?? [];
            }

            try
            {
                await context.CreateTimer(context.CurrentUtcDateTime + delay, aborts ? looks : CancellationToken.None);
            }
            catch (TaskCanceledException)
            {
                // The redrive failed and ended without this chunk (its children were terminated).
                return new MapRunActivityResult(PayloadVersion.Current);
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRedriveWait.Ticks));
        }

        return new MapRunActivityResult(PayloadVersion.Current)
        {
            Error = StatesErrorNames.Runtime, Cause = $"The redriven child executions of chunk {chunk} did not close in {MaxRedriveLooks} looks.", Fatal = true,
        };
    }

    /// <summary>
    /// Records, for each running STANDARD chunk the failing map run ends without, what its children did so far (working
    /// data only, no result files): a redrive then redrives its unsuccessful children in place, by their names, and
    /// starts those never started under the names they would have had.
    /// </summary>
    private static async Task RecordAbortedAsync(
        TaskOrchestrationContext context, MapRunInput run, int chunkSize, List<(int Chunk, Task<MapRunActivityResult> Result)> running, Dictionary<int, MapRunChild?[]> started)
    {
        var records = new List<Task<MapRunActivityResult>>();
        foreach (var (chunk, _) in running)
        {
            if (started.TryGetValue(chunk, out var children))
            {
                records.Add(CallAsync(context, ActivityNames.MapRunRecordChunk, MapRunStorage.Slim(Activity(run, chunk, chunkSize)) with { AbortedChildren = [.. children] }));
            }
        }

        await Task.WhenAll(records);
    }

    /// <summary>Runs one chunk's STANDARD children as executions of their own, in windows of <paramref name="concurrency"/>.</summary>
    /// <remarks>
    /// Once the map run has closed (<paramref name="open"/>: it failed and ended without this chunk), no further window starts.
    /// The chunk's children, as they start and end, are kept in <paramref name="started"/> (when given) for an aborted
    /// chunk's record.
    /// </remarks>
    private static async Task<MapRunActivityResult> RunStandardChunkAsync(
        TaskOrchestrationContext context, MapRunInput run, int chunk, int chunkSize, int concurrency, OpenMapRunChildren open, Dictionary<int, MapRunChild?[]>? started)
    {
        MapRunChild?[]? children = null;
        string? processor = null;
        for (var start = 0; children is null || start < children.Length; start += concurrency)
        {
            // Each window's inputs and names come from an activity, which also records the children in the API's index.
            var prepared = await CallAsync(context, ActivityNames.MapRunChildInputs, MapRunStorage.Slim(Activity(run, chunk, chunkSize)) with { FirstChild = start, ChildWindow = concurrency });
            processor ??= prepared.Processor;
            if (prepared.Error is not null || prepared.Inputs is not { } inputs || processor is null || prepared.Names is not { } names || names.Count != inputs.Count || prepared.ChildCount is not { } count)
            {
                return prepared.Error is null ? prepared with { Error = StatesErrorNames.Runtime, Fatal = true } : prepared;
            }

            if (open.Closed && open.StartsNoneOnceClosed)
            {
                return new MapRunActivityResult(PayloadVersion.Current);
            }

            if (children is null)
            {
                children = new MapRunChild?[count];
                started?.Add(chunk, children);
            }

            var batch = new List<Task>();
            for (var i = 0; i < inputs.Count; i++)
            {
                batch.Add(RunChildAsync(context, run, processor, names[i], inputs[i], children, start + i, open));
            }

            await Task.WhenAll(batch);
            if (open.Closed)
            {
                return new MapRunActivityResult(PayloadVersion.Current);
            }

            if (inputs.Count == 0)
            {
                break;
            }
        }

        started?.Remove(chunk);
        return await CallAsync(context, ActivityNames.MapRunRecordChunk, Activity(run, chunk, chunkSize) with { Children = [.. children.OfType<MapRunChild>()] });
    }

    /// <summary>The orchestrator input of a STANDARD map-run child (also what a redrive starts a never-started child with).</summary>
    internal static string ChildPayload(MapRunRequest request, string processor, string name, System.Text.Json.Nodes.JsonNode? input, int? maxPayloadBytes, bool? skipWaits) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, processor, input?.DeepClone())
        {
            ExecutionName = name,
            StateMachineName = request.StateMachineName + "/" + request.Label,
            ArnPrefix = request.ArnPrefix,
            MaxPayloadBytes = maxPayloadBytes,
            SkipWaits = skipWaits,
            MaxActionsPerGeneration = StateMachineOrchestrator.StartMaxActionsPerGeneration,
            MapRunArn = request.MapRunArn,
        });

    private static async Task RunChildAsync(
        TaskOrchestrationContext context, MapRunInput run, string processor, string name,
        System.Text.Json.Nodes.JsonNode? input, MapRunChild?[] children, int index, OpenMapRunChildren open)
    {
        var start = Utc(context);

        // Until it ends, a started child is one an aborted chunk records as ABORTED (the closing service terminates it).
        children[index] = new MapRunChild(name, input, "ABORTED", null, null, start, start);
        var payload = ChildPayload(run.Request, processor, name, input, run.MaxPayloadBytes, run.SkipWaits);
        Core.Engine.ExecutionResult result;
        try
        {
            var instanceId = MapRunInstanceIds.FromArn(MapRunChunks.ChildExecutionArn(run.Request, name));
            var output = await open.CallAsync(instanceId, () => context.CallSubOrchestratorAsync<string>(OrchestratorNames.StateMachine, payload, new SubOrchestrationOptions { InstanceId = instanceId }));
            result = StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(output));
        }
        catch (TaskFailedException e)
        {
            result = new Core.Engine.ExecutionResult(Core.Engine.ExecutionStatus.Failed, null, TaskFailures.ToAslError(e.FailureDetails) with { Error = StatesErrorNames.Runtime });
        }

        var stop = Utc(context);
        children[index] = new MapRunChild(
            name,
            input,
            result.Status switch
            {
                Core.Engine.ExecutionStatus.Succeeded => "SUCCEEDED",
                Core.Engine.ExecutionStatus.TimedOut => "TIMED_OUT",
                Core.Engine.ExecutionStatus.Aborted => "ABORTED",
                _ => "FAILED",
            },
            result.Status == Core.Engine.ExecutionStatus.Succeeded ? result.Output : null,
            result.Error,
            start,
            stop);
    }

    private static async Task<MapRunActivityResult> CallAsync(TaskOrchestrationContext context, string activity, MapRunActivityInput input)
    {
        var request = context.IsReplaying ? string.Empty : DurableJson.Serialize(input);
        try
        {
            return DurableJson.Deserialize<MapRunActivityResult>(await context.CallActivityAsync<string>(activity, request));
        }
        catch (TaskFailedException e)
        {
            var error = TaskFailures.ToAslError(e.FailureDetails);
            return new MapRunActivityResult(PayloadVersion.Current) { Error = StatesErrorNames.Runtime, Cause = error.Cause, Fatal = true };
        }
    }

    private static DateTimeOffset Utc(TaskOrchestrationContext context) =>
        new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static MapRunActivityInput Activity(MapRunInput run, int chunk, int chunkSize) =>
        new(PayloadVersion.Current, run.Definition, run.Request, chunk, chunkSize) { MaxPayloadBytes = run.MaxPayloadBytes, SkipWaits = run.SkipWaits };

    /// <summary>Items per chunk: the input's, a whole number of ItemBatcher batches when it has MaxItemsPerBatch.</summary>
    private static int ChunkSize(MapRunInput run)
    {
        var size = Math.Max(1, run.ChunkSize ?? DefaultChunkSize);
        return run.Request.Batcher is { MaxItemsPerBatch: > 0 and var perBatch } ? (int)(perBatch * Math.Max(1, size / perBatch)) : size;
    }

    private static MapRunRecord Record(MapRunInput run, MapRunProgress progress, string status, DateTimeOffset? stop, long runningItems = 0, long runningChildren = 0)
    {
        var request = run.Request;
        var pendingItems = Math.Max(0, progress.ItemCount - progress.SucceededItems - progress.FailedItems - progress.AbortedItems - runningItems);
        var items = new MapRunCounts(pendingItems, runningItems, progress.SucceededItems, progress.FailedItems, 0, progress.AbortedItems, progress.ItemCount, request.Writer is { Exports: true } ? progress.SucceededItems + progress.FailedItems : 0);
        var executions = new MapRunCounts(0, runningChildren, progress.SucceededChildren, progress.FailedChildren, 0, progress.AbortedChildren, progress.SucceededChildren + progress.FailedChildren + progress.AbortedChildren + runningChildren, request.Writer is { Exports: true } ? progress.SucceededChildren + progress.FailedChildren : 0)
        {
            FailuresNotRedrivable = progress.NotRedrivableChildren,
            PendingRedrive = stop is null ? progress.PendingRedriveChildren : 0, // a redrive that ended has none waiting
        };
        items = items with
        {
            FailuresNotRedrivable = request.Batcher is null ? progress.NotRedrivableChildren : progress.NotRedrivableItems, // one item per child without a batcher
            PendingRedrive = stop is null ? progress.PendingRedriveItems : 0,
        };

        return new MapRunRecord(request.MapRunArn, status, progress.StartDate, items, executions)
        {
            StopDate = stop,
            MaxConcurrency = request.MaxConcurrency,
            ToleratedFailureCount = (long)(request.ToleratedFailureCount ?? 0),
            ToleratedFailurePercentage = request.ToleratedFailurePercentage ?? 0,
            RedriveCount = request.RedriveCount > 0 ? request.RedriveCount : null,
            RedriveDate = request.RedriveDate,
        };
    }
}
