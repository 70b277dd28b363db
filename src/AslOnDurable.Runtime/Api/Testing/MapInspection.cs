using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// What TestState shows of a mocked Map state besides its data flow: its items after ItemsPointer, its iteration inputs
/// after ItemSelector, its batches after ItemBatcher (each the output of a Map state with just those fields and a Pass
/// state as its item processor, run on the engine with the same input, variables and context), and its limits as
/// evaluated (numbers, their <c>*Path</c> forms or JSONata expressions, by a one-state Pass machine), against which
/// <c>stateConfiguration.mapIterationFailureCount</c> is checked. When the engine fails the state before its iterations
/// (a failing ItemsPath, MaxConcurrencyPath, ItemSelector or reader), that failure is the state's.
/// </summary>
/// <remarks>
/// A Map state with an ItemReader reads <c>stateConfiguration.mapItemReaderData</c> (the data as found in its source) with
/// its ReaderConfig; without it, as AWS's guide shows, the input stands for the items already read (ItemsPath/Items apply),
/// and a failure to find items there is not the state's.
/// </remarks>
/// <param name="runner">Runs the step machines.</param>
internal sealed class MapInspection(ProbeRunner runner)
{
    private const string MaxConcurrency = "MaxConcurrency";
    private const string ToleratedFailureCount = "ToleratedFailureCount";
    private const string ToleratedFailurePercentage = "ToleratedFailurePercentage";

    private static readonly string[] InputItemFields = ["InputPath", "ItemsPath", "Items"];

    private static readonly string[] ReaderItemFields = ["InputPath"];

    private static readonly string[] SelectorFields = ["ItemSelector", "Parameters"];

    private static readonly string[] Limits = [MaxConcurrency, ToleratedFailureCount, ToleratedFailurePercentage];

    private static readonly string[] LimitFields =
        [.. Limits, .. Limits.Select(limit => limit + "Path")];

    /// <summary>Inspects the Map state before its probe runs.</summary>
    /// <param name="probe">The probe of a Map state.</param>
    /// <param name="input">The state's input.</param>
    /// <param name="variables">The variables the request set, or <see langword="null"/>.</param>
    /// <param name="readerData"><c>stateConfiguration.mapItemReaderData</c>: what the ItemReader reads, or <see langword="null"/>.</param>
    /// <returns>The facts.</returns>
    public async Task<MapFacts> InspectAsync(StateProbe probe, JsonNode? input, JsonObject? variables, string? readerData)
    {
        JsonObject state = probe.State;
        Items items = new(state, probe.IsJsonata, probe.StateName, input, variables, state["ItemReader"] is null ? null : readerData);
        bool selector = SelectorFields.Any(state.ContainsKey);
        bool batcher = state["ItemBatcher"] is not null;
        bool fromInput = state["ItemReader"] is not null && readerData is null;
        ExecutionResult whole = await RunAsync(items, selector, batcher, limits: true).ConfigureAwait(false);
        if (whole.Status != ExecutionStatus.Succeeded)
        {
            return fromInput || whole.Error is null
                ? await FactsAsync(items, null, null, null, null).ConfigureAwait(false)
                : MapFacts.Failed(whole.Error);
        }

        JsonArray? output = whole.Output as JsonArray;
        JsonArray? read = selector || batcher ? (await RunAsync(items, false, false, limits: false).ConfigureAwait(false)).Output as JsonArray : output;
        JsonArray? selected = !selector ? null : batcher ? (await RunAsync(items, true, false, limits: false).ConfigureAwait(false)).Output as JsonArray : output;
        string? afterItemsPointer = items.ReaderData is not null && PointerOf(state) is not null && read is not null ? Text(read) : null;
        return await FactsAsync(items, read?.Count, afterItemsPointer, selected is null ? null : Text(selected), batcher && output is not null ? Text(output) : null).ConfigureAwait(false);
    }

    private async Task<MapFacts> FactsAsync(Items items, int? count, string? afterItemsPointer, string? afterItemSelector, string? afterItemBatcher)
    {
        JsonObject limits = await LimitsAsync(items.State, items.Jsonata, items.Input, items.Variables).ConfigureAwait(false);
        return new MapFacts(
            afterItemSelector, afterItemBatcher, count, (int?)StateProbe.Number(limits[MaxConcurrency]) ?? 0,
            (int?)StateProbe.Number(limits[ToleratedFailureCount]), (float?)StateProbe.Number(limits[ToleratedFailurePercentage]))
        {
            AfterItemsPointer = afterItemsPointer,
        };
    }

    /// <summary>
    /// Runs a Map state with the state's item fields (and, as asked, its ItemSelector, ItemBatcher and limits) whose
    /// item processor passes its input on: its output is the iteration inputs (or batches).
    /// </summary>
    private ValueTask<ExecutionResult> RunAsync(Items items, bool selector, bool batcher, bool limits)
    {
        JsonObject state = items.State;
        JsonObject processor = new()
        {
            ["StartAt"] = "Item",
            ["States"] = new JsonObject { ["Item"] = new JsonObject { ["Type"] = "Pass", ["End"] = true } },
        };
        JsonObject map = new() { ["Type"] = "Map", ["ItemProcessor"] = processor };
        if (items.Jsonata)
        {
            map["QueryLanguage"] = "JSONata";
        }

        IEnumerable<string> fields = (items.ReaderData is null ? InputItemFields : ReaderItemFields)
            .Concat(selector ? SelectorFields : [])
            .Concat(limits ? LimitFields : []);
        foreach (string field in fields)
        {
            if (state.ContainsKey(field))
            {
                map[field] = state[field]?.DeepClone();
            }
        }

        if (items.ReaderData is not null)
        {
            map["ItemReader"] = ReaderOfTheData(state, items.Jsonata);
        }

        if (batcher)
        {
            map["ItemBatcher"] = state["ItemBatcher"]!.DeepClone();
        }

        if (batcher || items.ReaderData is not null)
        {
            processor["ProcessorConfig"] = new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = "EXPRESS" };
        }

        return runner.RunStepAsync(
            map, items.Input, items.Variables, items.Name, items.ReaderData is null ? null : new MapItemReaderDataStore(items.ReaderData));
    }

    /// <summary>The state's ItemReader pointed at the request's data (a listing's data is read as a JSON array of its entries).</summary>
    private static JsonObject ReaderOfTheData(JsonObject state, bool jsonata)
    {
        JsonObject original = state["ItemReader"]!.AsObject();
        JsonObject config = original["ReaderConfig"]?.DeepClone() as JsonObject ?? [];
        if (((string?)original["Resource"])?.EndsWith("listObjectsV2", StringComparison.Ordinal) == true
            || ((string?)original["Resource"])?.EndsWith("listBlobs", StringComparison.Ordinal) == true)
        {
            config["InputType"] = "JSON";
        }

        return new JsonObject
        {
            ["Resource"] = "arn:aws:states:::s3:getObject",
            ["ReaderConfig"] = config,
            [jsonata ? "Arguments" : "Parameters"] = new JsonObject { ["Bucket"] = MapItemReaderDataStore.Container, ["Key"] = MapItemReaderDataStore.Name },
        };
    }

    private static string? PointerOf(JsonObject state) => (string?)(state["ItemReader"]?["ReaderConfig"]?["ItemsPointer"] as JsonValue);

    /// <summary>
    /// MaxConcurrency and the tolerated failures by name: numbers as given, their <c>*Path</c> forms (JSONPath) and
    /// JSONata expressions as a Pass state evaluates them (left out when that fails).
    /// </summary>
    private async Task<JsonObject> LimitsAsync(JsonObject state, bool jsonata, JsonNode? input, JsonObject? variables)
    {
        JsonObject limits = [];
        JsonObject evaluate = [];
        foreach (string name in Limits)
        {
            if (StateProbe.Number(state[name]) is not null)
            {
                limits[name] = state[name]!.DeepClone();
            }
            else if (jsonata && state[name] is JsonValue expression && expression.GetValueKind() == JsonValueKind.String)
            {
                evaluate[name] = expression.DeepClone();
            }
            else if (!jsonata && state[name + "Path"] is JsonValue path && path.GetValueKind() == JsonValueKind.String)
            {
                evaluate[name + ".$"] = path.DeepClone();
            }
        }

        if (evaluate.Count == 0)
        {
            return limits;
        }

        JsonObject pass = jsonata
            ? new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = evaluate }
            : new JsonObject { ["Type"] = "Pass", ["Parameters"] = evaluate };
        if (!jsonata && state.ContainsKey("InputPath"))
        {
            pass["InputPath"] = state["InputPath"]?.DeepClone();
        }

        ExecutionResult run = await runner.RunStepAsync(pass, input, variables).ConfigureAwait(false);
        if (run.Status == ExecutionStatus.Succeeded && run.Output is JsonObject evaluated)
        {
            foreach (var (name, value) in evaluated)
            {
                limits[name] = value?.DeepClone();
            }
        }

        return limits;
    }

    private static string Text(JsonNode node) => node.ToJsonString(JsonLimits.SerializerOptions);

    /// <summary>Where the Map state's items come from and what the step machines run with.</summary>
    private sealed record Items(JsonObject State, bool Jsonata, string Name, JsonNode? Input, JsonObject? Variables, string? ReaderData);
}

/// <summary>What <see cref="MapInspection"/> found.</summary>
/// <param name="AfterItemSelector">The iteration inputs after ItemSelector (when the state has one).</param>
/// <param name="AfterItemBatcher">The batches after ItemBatcher (when the state has one).</param>
/// <param name="ItemCount">How many items the state iterates over, when known.</param>
/// <param name="MaxConcurrency">MaxConcurrency as evaluated (0 when not given).</param>
/// <param name="ToleratedFailureCount">ToleratedFailureCount as evaluated, if given.</param>
/// <param name="ToleratedFailurePercentage">ToleratedFailurePercentage as evaluated, if given.</param>
internal sealed record MapFacts(
    string? AfterItemSelector, string? AfterItemBatcher, int? ItemCount, int MaxConcurrency, int? ToleratedFailureCount, float? ToleratedFailurePercentage)
{
    /// <summary>Gets the error with which the engine fails the state before its iterations, if it does.</summary>
    public AslError? Failure { get; init; }

    /// <summary>Gets the items after ReaderConfig.ItemsPointer (read from <c>mapItemReaderData</c>), when the state has one.</summary>
    public string? AfterItemsPointer { get; init; }

    /// <summary>The facts of a state the engine fails before its iterations.</summary>
    /// <param name="failure">The error.</param>
    /// <returns>The facts.</returns>
    public static MapFacts Failed(AslError failure) => new(null, null, null, 0, null, null) { Failure = failure };

    /// <summary>AWS's error when more iterations failed than tolerated.</summary>
    public const string ExceededError = "States.ExceedToleratedFailureThreshold";

    /// <summary>AWS's cause of <see cref="ExceededError"/>.</summary>
    public const string ExceededCause = "The specified tolerated failure threshold was exceeded";

    /// <summary>
    /// Whether <paramref name="failures"/> failed iterations pass a tolerated threshold the state sets (none set: never;
    /// the percentage needs the item count).
    /// </summary>
    /// <param name="failures">The failed iterations (<c>stateConfiguration.mapIterationFailureCount</c>).</param>
    /// <returns>Whether the Map state fails with <see cref="ExceededError"/>.</returns>
    public bool Exceeded(int failures) =>
        (ToleratedFailureCount is { } count && failures > count)
        || (ToleratedFailurePercentage is { } percentage && ItemCount is > 0 and { } items && failures * 100.0 / items > percentage);

    /// <summary>Adds the facts to the inspection data (none when the state failed before its iterations).</summary>
    /// <param name="data">The data flow.</param>
    /// <returns>The data with the Map's fields.</returns>
    public InspectionData AddTo(InspectionData data) => Failure is not null ? data : data with
    {
        AfterItemSelector = AfterItemSelector,
        AfterItemBatcher = AfterItemBatcher,
        AfterItemsPointer = AfterItemsPointer,
        MaxConcurrency = MaxConcurrency,
        ToleratedFailureCount = ToleratedFailureCount,
        ToleratedFailurePercentage = ToleratedFailurePercentage,
    };
}
