using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.ErrorHandling;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// Runs Map states in the parent execution (INLINE; DISTRIBUTED without ItemReader runs the same way here):
/// ItemsPath/Items → ItemSelector per item (with <c>$$.Map.Item</c>) → item processor per item with an inner variable
/// scope, at most MaxConcurrency at a time → results in item order → ResultSelector → ResultPath → OutputPath.
/// </summary>
/// <remarks>
/// AWS: without a tolerated failure threshold the first failed iteration fails the state with that iteration's error;
/// with ToleratedFailureCount/Percentage the state fails with <c>States.ExceedToleratedFailureThreshold</c> once the
/// failures exceed the threshold. A redrive's first attempt places the outputs of the iterations that succeeded before
/// and runs only the others, from their unsuccessful step (<see cref="ChildRedrive"/>; not with a ResultWriter).
/// </remarks>
internal static partial class MapStateExecutor
{
    /// <summary>The cause AWS reports when the tolerated failure threshold is exceeded.</summary>
    public const string ThresholdCause = "The specified tolerated failure threshold was exceeded";

    /// <summary>Marks the outcome of an iteration a redrive kept (<see cref="BranchOutcome.NextIndex"/>, unused by iterations otherwise).</summary>
    private const int KeptIteration = -2;

    /// <summary>Runs the state.</summary>
    public static ValueTask<StepResult> ExecuteAsync(MapStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        return RecoveryLoop.RunAsync(state, frame, raw, static (s, f, r) => AttemptAsync(s, f, r), runtimeErrorsAreFinal: true);
    }

    private static async ValueTask<(StepResult Step, AslError? Error)> AttemptAsync(MapStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var environment = frame.Environment;
        JsonArray? items;
        JsonNode? readerArguments = null;
        double? maxItems = null;
        JsonNode? effective;
        double? toleratedCount;
        double? toleratedPercentage;
        int maxConcurrency;
        if (state.IsJsonata)
        {
            effective = raw;
            var states = JsonataStates.Create(raw, null, null, environment);
            try
            {
                if (state.ItemReader is null)
                {
                    items = JsonataItems(state, states, environment, raw);
                }
                else
                {
                    items = null;
                    readerArguments = state.ReaderArguments?.Evaluate(states, environment);
                    maxItems = Number(state.JsonataMaxItems?.Evaluate(states, environment), "MaxItems", null, integer: true);
                }

                maxConcurrency = (int)(Number(state.JsonataMaxConcurrency?.Evaluate(states, environment), "MaxConcurrency", null, integer: true) ?? 0);
                toleratedCount = Number(state.JsonataToleratedFailureCount?.Evaluate(states, environment), "ToleratedFailureCount", null, integer: true);
                toleratedPercentage = Number(state.JsonataToleratedFailurePercentage?.Evaluate(states, environment), "ToleratedFailurePercentage", null, integer: false);
            }
            finally
            {
                JsonataStates.Release(states, environment);
            }
        }
        else
        {
            effective = InputProcessor.ApplyInputPath(state, frame, raw);
            if (state.ItemReader is null)
            {
                items = Items(state, frame, effective);
            }
            else
            {
                items = null;
                readerArguments = state.ReaderParameters?.Evaluate(effective, environment);
                maxItems = state.MaxItems ?? PathNumber(state.MaxItemsPath, "MaxItemsPath", effective, frame, integer: true);
            }

            maxConcurrency = (int)(state.MaxConcurrency ?? PathNumber(state.MaxConcurrencyPath, "MaxConcurrencyPath", effective, frame, integer: true) ?? 0);
            toleratedCount = state.ToleratedFailureCount ?? PathNumber(state.ToleratedFailureCountPath, "ToleratedFailureCountPath", effective, frame, integer: true);
            toleratedPercentage = state.ToleratedFailurePercentage ?? PathNumber(state.ToleratedFailurePercentagePath, "ToleratedFailurePercentagePath", effective, frame, integer: false);
        }

        if (toleratedCount < 0)
        {
            throw StateFailure.Runtime("ToleratedFailureCount cannot be negative.");
        }

        if (toleratedPercentage is < 0 or > 100)
        {
            throw StateFailure.Runtime("ToleratedFailurePercentage must be between 0 and 100.");
        }

        if (state.ItemReader is not null && frame.Run.Host.MapRuns is { } mapRuns)
        {
            var request = MapRunRequestFor(state, frame, raw, effective, readerArguments, maxItems, maxConcurrency, toleratedCount, toleratedPercentage);
            return await RunMapRunAsync(state, frame, raw, mapRuns, request); // no ConfigureAwait: the durable host continues on the orchestrator's thread
        }

        var itemBound = items is null ? null : ItemSizeBound(state, frame, items);
        items ??= await ReadItemsAsync(state, frame, readerArguments, maxItems).ConfigureAwait(false);
        var inputs = new JsonNode?[items.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = IterationInput(state, frame, effective, items, i);
        }

        if (state.HasItemBatcher)
        {
            inputs = Batches(state, frame, raw, effective, inputs);
        }

        var recording = frame.Run.History.IsEnabled;
        frame.Record(HistoryEventTypes.MapStateStarted, recording ? new JsonObject { ["length"] = inputs.Length } : null);
        var outputs = new JsonNode?[inputs.Length];
        var abort = new BranchAbort(frame.Abort);
        var tolerant = toleratedCount is not null || toleratedPercentage is not null;
        AslError? failure = null;
        bool[]? failed = null;
        var failures = 0;
        var timedOut = false;
        var bounds = default(PayloadBound.ArraySum); // of the iterations' outputs, while each is known
        var results = StartResults(state, frame, inputs.Length);
        var redrive = results is null ? ChildRedrive.Take(frame, state.Name) : null; // a redrive's first attempt: succeeded iterations are kept
        await BranchScheduler.RunAsync(
            inputs.Length,
            maxConcurrency,
            (int index, out ExecutionFrame? child) =>
            {
                if (redrive is not null && redrive.TryTakeKept(index, out var keptOutcome))
                {
                    inputs[index] = null;
                    child = null;
                    return new ValueTask<BranchOutcome>(keptOutcome with { NextIndex = KeptIteration });
                }

                frame.RecordIteration(HistoryEventTypes.MapIterationStarted, index, state.Name);
                // A redrive may resume the iteration at another state with another input: no bound then.
                child = new ExecutionFrame(frame.Run, state.ItemProcessor, environment.Scope.CreateChild(), abort)
                {
                    LastEventId = frame.LastEventId,
                    InputSizeBound = redrive is null ? itemBound : null,
                };
                var input = inputs[index];
                inputs[index] = null;
                results?.Results.Started(index, ChildName(frame), input, frame.Run.Host.UtcNow);
                return redrive is null ? Interpreter.RunFrameAsync(child, input) : redrive.RunAsync(child, index, input);
            },
            (index, outcome) =>
            {
                results?.Results.Finished(index, ChildStatus(outcome.Status), outcome.Output, outcome.Error, frame.Run.Host.UtcNow);
                switch (outcome.Status)
                {
                    case ExecutionStatus.Succeeded when outcome.NextIndex == KeptIteration:
                        outputs[index] = outcome.Output; // kept by a redrive: not run, no iteration events
                        return true;
                    case ExecutionStatus.Succeeded:
                        frame.RecordIteration(HistoryEventTypes.MapIterationSucceeded, index, state.Name);
                        outputs[index] = outcome.Output;
                        if (outcome.OutputBound is { } bound)
                        {
                            bounds.Add(bound);
                        }

                        return true;
                    case ExecutionStatus.TimedOut:
                        timedOut = true;
                        abort.Request();
                        return false;
                    case ExecutionStatus.Aborted:
                        return true;
                    default:
                        frame.RecordIteration(HistoryEventTypes.MapIterationFailed, index, state.Name);
                        failures++;
                        if (!tolerant)
                        {
                            failure ??= outcome.Error;
                            abort.Request();
                            return false;
                        }

                        if (failures > (toleratedCount ?? double.MaxValue) || failures * 100.0 / outputs.Length > (toleratedPercentage ?? 100))
                        {
                            failure ??= new AslError(StatesErrorNames.ExceedToleratedFailureThreshold, ThresholdCause);
                            abort.Request();
                            return false;
                        }

                        (failed ??= new bool[outputs.Length])[index] = true;
                        return true;
                }
            });

        frame.Environment.ForgetJsonataValues();

        if (timedOut)
        {
            return (StepResult.Fail(new AslError(StatesErrorNames.Timeout, null)), null);
        }

        JsonNode? written = null;
        if (results is not null)
        {
            written = await WriteResultsAsync(state, frame, raw, effective, results).ConfigureAwait(false);
        }

        if (failure is not null)
        {
            frame.RecordFailure(HistoryEventTypes.MapStateFailed, failure);
            return (default, failure);
        }

        frame.Record(HistoryEventTypes.MapStateSucceeded);
        // Tolerated failures leave no entry in the result: it holds the outputs of the iterations that succeeded.
        JsonNode? result = written
            ?? (failed is null ? new JsonArray(outputs) : new JsonArray([.. outputs.Where((_, i) => !failed[i])]));
        // The result's bound when every output in it brought one (an iteration ending with its Task's result as it came).
        var resultBound = written is null && bounds.Count == ((JsonArray)result!).Count ? bounds.Array() : (PayloadBound?)null;
        return Complete(state, frame, raw, result, resultBound);
    }

    /// <summary>
    /// An upper bound of every iteration input's size (<see cref="ExecutionFrame.InputSizeBound"/>) when the inputs are the
    /// items as they are (no ItemSelector or ItemBatcher) and the item processor starts with a Task state, which would
    /// otherwise measure each: the bound of the Map's measured input when the items are a part of it (reference paths),
    /// else the items measured once. <see langword="null"/> when unknown or over the quota.
    /// </summary>
    private static long? ItemSizeBound(MapStatePlan state, ExecutionFrame frame, JsonArray items)
    {
        if (state.HasItemBatcher
            || (state.IsJsonata ? state.JsonataItemSelector is not null : state.ItemSelector is not null)
            || state.ItemProcessor.States[state.ItemProcessor.StartIndex] is not TaskStatePlan)
        {
            return null;
        }

        var partOfInput = state.IsJsonata
            ? state.Items is null
            : state.InputPath is not { SelectsPartOfInput: false } && state.ItemsPath is not { SelectsPartOfInput: false };
        var limit = frame.Run.Options.MaxPayloadBytes;
        if (partOfInput && frame.InputSizeBound is { } inputBound && inputBound <= limit)
        {
            return inputBound;
        }

        return PayloadUpperBound.Of(items) is { } bound && bound <= limit ? bound : null; // never throws: a payload too deep gets none
    }

    /// <summary>The Map's result through the payload quota, ResultSelector, ResultPath and OutputPath (or JSONata Output).</summary>
    private static (StepResult Step, AslError? Error) Complete(MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? result, PayloadBound? known = null)
    {
        if (PayloadSizeGuard.Exceeds(result, frame.Run.Options.MaxPayloadBytes, known, out var bound))
        {
            return (default, new AslError(StatesErrorNames.DataLimitExceeded, $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit."));
        }

        if (state.IsJsonata)
        {
            return (StateCompletion.CompleteJsonata(frame, raw, result, true, state.JsonataAssign, state.Output, state.NextIndex).WithOutputBound(result, bound), null);
        }

        if (state.ResultSelector is not null)
        {
            result = state.ResultSelector.Evaluate(result, frame.Environment);
            bound = null;
        }

        return (StateCompletion.Complete(state, frame, raw, result, true, state.ResultPath, state.NextIndex).WithOutputBound(result, bound), null);
    }

    /// <summary>
    /// AWS ItemBatcher: consecutive items grouped into <c>{"Items": [...], "BatchInput": ...}</c>, at most
    /// MaxItemsPerBatch items and MaxInputBytesPerBatch bytes per batch (AWS caps a batch at 256 KiB).
    /// </summary>
    private static JsonNode?[] Batches(MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective, JsonNode?[] inputs) =>
        Group(ResolveBatcher(state, frame, raw, effective), inputs);

    /// <summary>Evaluates the ItemBatcher's fields.</summary>
    private static MapRunBatcher ResolveBatcher(MapStatePlan state, ExecutionFrame frame, JsonNode? raw, JsonNode? effective)
    {
        double? maxItems;
        double? maxBytes;
        JsonNode? batchInput;
        var environment = frame.Environment;
        if (state.IsJsonata)
        {
            var states = JsonataStates.Create(raw, null, null, environment);
            try
            {
                maxItems = Number(state.JsonataMaxItemsPerBatch?.Evaluate(states, environment), "MaxItemsPerBatch", null, integer: true);
                maxBytes = Number(state.JsonataMaxInputBytesPerBatch?.Evaluate(states, environment), "MaxInputBytesPerBatch", null, integer: true);
                batchInput = state.JsonataBatchInput?.Evaluate(states, environment);
            }
            finally
            {
                JsonataStates.Release(states, environment);
            }
        }
        else
        {
            maxItems = state.MaxItemsPerBatch ?? PathNumber(state.MaxItemsPerBatchPath, "MaxItemsPerBatchPath", effective, frame, integer: true);
            maxBytes = state.MaxInputBytesPerBatch ?? PathNumber(state.MaxInputBytesPerBatchPath, "MaxInputBytesPerBatchPath", effective, frame, integer: true);
            batchInput = state.BatchInput?.Evaluate(effective, environment);
        }

        return new MapRunBatcher(
            maxItems is > 0 ? (long)maxItems.Value : 0,
            maxBytes is > 0 ? (long)Math.Min(maxBytes.Value, ExecutionOptions.DefaultMaxPayloadBytes) : ExecutionOptions.DefaultMaxPayloadBytes,
            batchInput);
    }

    /// <summary>Groups consecutive child inputs as the batcher says.</summary>
    internal static JsonNode?[] Group(MapRunBatcher batcher, IReadOnlyList<JsonNode?> inputs)
    {
        var itemLimit = batcher.MaxItemsPerBatch > 0 ? batcher.MaxItemsPerBatch : long.MaxValue;
        var byteLimit = batcher.MaxInputBytesPerBatch;
        var batches = new List<JsonNode?>();
        JsonArray? current = null;

        // The batch's size in bytes: the sum of the items' upper bounds (PayloadUpperBound, which neither walks nor builds
        // nodes) while that stays within the limit; once it would not, the exact sizes (measured once, then per item).
        long currentBytes = 0;
        var currentExact = false;
        foreach (var input in inputs)
        {
            if (current is null || current.Count >= itemLimit)
            {
                current = NewBatch(batcher, batches);
                currentBytes = 2 + Bound(input) + 1;
                currentExact = false;
                current.Add(input);
                continue;
            }

            if (!currentExact)
            {
                var bound = Bound(input) + 1;
                if (currentBytes + bound <= byteLimit)
                {
                    current.Add(input);
                    currentBytes += bound;
                    continue;
                }

                currentBytes = 2;
                foreach (var item in current)
                {
                    currentBytes += PayloadSizeGuard.Size(item) + 1;
                }

                currentExact = true;
            }

            var size = PayloadSizeGuard.Size(input) + 1;
            if (currentBytes + size > byteLimit)
            {
                current = NewBatch(batcher, batches);
                currentBytes = 2;
                currentExact = false;
            }

            current.Add(input);
            currentBytes += size;
        }

        return [.. batches];
    }

    /// <summary>A payload's size or an upper bound of it (the bound costs no walk of a deserialized payload).</summary>
    private static long Bound(JsonNode? input) => input is null ? 4 : PayloadUpperBound.Of(input) ?? PayloadSizeGuard.Size(input);

    private static JsonArray NewBatch(MapRunBatcher batcher, List<JsonNode?> batches)
    {
        JsonArray items = [];
        var batch = new JsonObject();
        if (batcher.BatchInput is not null)
        {
            batch["BatchInput"] = batcher.BatchInput.DeepClone();
        }

        batch["Items"] = items;
        batches.Add(batch);
        return items;
    }

    private static JsonArray JsonataItems(MapStatePlan state, JsonObject states, StateEnvironment environment, JsonNode? raw)
    {
        // JSONata Maps iterate arrays only: AWS answers an object input or Items with States.QueryEvaluationError (recorded
        // against AWS); iterating an object's members is documented for JSONPath's ItemsPath and for ItemReader's JSON.
        if (state.Items is null)
        {
            var input = raw as JsonArray ?? throw NotAnArray(raw);
            return (JsonArray)input.DeepClone();
        }

        var value = state.Items.Evaluate(states, environment);
        if (value is JsonArray items)
        {
            return items;
        }

        var kind = value?.GetValueKind() switch
        {
            null or JsonValueKind.Null => "null",
            JsonValueKind.String => "string",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => "object",
        };
        throw new AslErrorException(
            StatesErrorNames.QueryEvaluationError,
            state.Items.ExpressionText is { } text
                ? $"The JSONata expression '{text}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '{kind}' for value: {value?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"}"
                : $"The Items field must be an array but was: {value?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"}");
    }

    private static JsonArray Items(MapStatePlan state, ExecutionFrame frame, JsonNode? effective)
    {
        var path = state.ItemsPath;
        if (path is null || path.IsRoot)
        {
            return IterableItems.From(effective) ?? throw NotAnArray(effective);
        }

        if (!path.TryEvaluate(effective, frame.Environment, out var value))
        {
            throw StateFailure.Runtime(PathFailureMessage.For(path.Text, effective));
        }

        return IterableItems.From(value) ?? throw NotAnArray(value);
    }

    /// <summary>AWS (both query languages): <c>States.QueryEvaluationError</c>, "Map state input must be an array but was: 1".</summary>
    private static AslErrorException NotAnArray(JsonNode? value) =>
        new(StatesErrorNames.QueryEvaluationError, "Map state input must be an array but was: " + (value?.ToJsonString(JsonLimits.SerializerOptions) ?? "null"));

    private static JsonNode? IterationInput(MapStatePlan state, ExecutionFrame frame, JsonNode? effective, JsonArray items, int index) =>
        IterationInput(state, frame, effective, items[index], index);

    /// <summary>The child input for an item (ItemSelector with <c>$$.Map.Item</c>, else the item).</summary>
    internal static JsonNode? IterationInput(MapStatePlan state, ExecutionFrame frame, JsonNode? effective, JsonNode? item, int index)
    {
        var environment = frame.Environment;
        if (state.IsJsonata)
        {
            if (state.JsonataItemSelector is null)
            {
                return item?.DeepClone();
            }

            environment.SetMapItem(index, item);
            var states = JsonataStates.Create(effective, null, null, environment);
            try
            {
                return state.JsonataItemSelector.Evaluate(states, environment);
            }
            finally
            {
                JsonataStates.Release(states, environment);
                environment.SetMapItem(-1, null);
            }
        }

        if (state.ItemSelector is null)
        {
            return item?.DeepClone();
        }

        environment.SetMapItem(index, item);
        try
        {
            return state.ItemSelector.Evaluate(effective, environment);
        }
        finally
        {
            environment.SetMapItem(-1, null);
        }
    }

    private static double? PathNumber(ValueSelector? path, string field, JsonNode? effective, ExecutionFrame frame, bool integer)
    {
        if (path is null)
        {
            return null;
        }

        if (!path.TryEvaluate(effective, frame.Environment, out var value))
        {
            throw StateFailure.Runtime(PathFailureMessage.For(path.Text, effective));
        }

        return Number(value, field, path.Text, integer);
    }

    private static double? Number(JsonNode? value, string field, string? path, bool integer)
    {
        if (value is null)
        {
            return path is null ? null : throw Invalid(value, field, path, integer);
        }

        double number;
        if (JsonNumbers.TryGetDouble(value, out number))
        {
            // numbers as they are
        }
        else if (value.GetValueKind() != JsonValueKind.String
            || !double.TryParse(value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            throw Invalid(value, field, path, integer);
        }

        if (integer && Math.Floor(number) != number)
        {
            throw Invalid(value, field, path, integer);
        }

        return number;
    }

    private static AslErrorException Invalid(JsonNode? value, string field, string? path, bool integer)
    {
        var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";
        return path is null
            ? new AslErrorException(StatesErrorNames.QueryEvaluationError, $"The {field} field refers to value \"{text}\" which is not a valid {(integer ? "integer" : "float")}")
            : StateFailure.Runtime($"The {field} field refers to value \"{text}\" which is not a valid {(integer ? "integer" : "float")}: {path}");
    }
}
