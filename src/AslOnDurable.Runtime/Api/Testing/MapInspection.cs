using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// What TestState shows of a mocked Map state besides its data flow: its iteration inputs after ItemSelector, its
/// batches after ItemBatcher (each the output of a Map state with just those fields and a Pass state as its item
/// processor, run on the engine with the same input, variables and context), and its limits as evaluated (numbers,
/// their <c>*Path</c> forms or JSONata expressions, by a one-state Pass machine), against which
/// <c>stateConfiguration.mapIterationFailureCount</c> is checked.
/// </summary>
/// <param name="runner">Runs the step machines.</param>
internal sealed class MapInspection(ProbeRunner runner)
{
    private const string MaxConcurrency = "MaxConcurrency";
    private const string ToleratedFailureCount = "ToleratedFailureCount";
    private const string ToleratedFailurePercentage = "ToleratedFailurePercentage";

    private static readonly string[] ItemFields = ["InputPath", "ItemsPath", "Items", "ItemSelector", "Parameters"];

    private static readonly string[] Limits = [MaxConcurrency, ToleratedFailureCount, ToleratedFailurePercentage];

    /// <summary>Inspects the Map state before its probe runs.</summary>
    /// <param name="probe">The probe of a Map state.</param>
    /// <param name="input">The state's input.</param>
    /// <param name="variables">The variables the request set, or <see langword="null"/>.</param>
    /// <param name="readerData">
    /// <c>stateConfiguration.mapItemReaderData</c>: what the ItemReader reads; a JSON array there counts the items of a
    /// Map state with an ItemReader (whose items are not read here).
    /// </param>
    /// <returns>The facts.</returns>
    public async Task<MapFacts> InspectAsync(StateProbe probe, JsonNode? input, JsonObject? variables, string? readerData)
    {
        JsonObject state = probe.State;
        JsonObject limits = await LimitsAsync(state, probe.IsJsonata, input, variables).ConfigureAwait(false);
        string? afterItemSelector = null;
        string? afterItemBatcher = null;
        int? itemCount = null;
        if (state["ItemReader"] is null)
        {
            JsonArray? items = await ItemsAsync(state, probe.IsJsonata, batched: false, input, variables).ConfigureAwait(false);
            itemCount = items?.Count;
            if (items is not null && (state.ContainsKey("ItemSelector") || state.ContainsKey("Parameters")))
            {
                afterItemSelector = Text(items);
            }

            if (state["ItemBatcher"] is not null
                && await ItemsAsync(state, probe.IsJsonata, batched: true, input, variables).ConfigureAwait(false) is { } batches)
            {
                afterItemBatcher = Text(batches);
            }
        }
        else if (readerData is not null && TryParse(readerData) is JsonArray read)
        {
            itemCount = read.Count;
        }

        return new MapFacts(
            afterItemSelector, afterItemBatcher, itemCount, (int?)StateProbe.Number(limits[MaxConcurrency]) ?? 0,
            (int?)StateProbe.Number(limits[ToleratedFailureCount]), (float?)StateProbe.Number(limits[ToleratedFailurePercentage]));
    }

    /// <summary>
    /// The inputs of the iterations (or, <paramref name="batched"/>, of the batches): the output of a Map state with the
    /// state's item fields whose item processor passes its input on; <see langword="null"/> when that run fails.
    /// </summary>
    private async Task<JsonArray?> ItemsAsync(JsonObject state, bool jsonata, bool batched, JsonNode? input, JsonObject? variables)
    {
        JsonObject processor = new()
        {
            ["StartAt"] = "Item",
            ["States"] = new JsonObject { ["Item"] = new JsonObject { ["Type"] = "Pass", ["End"] = true } },
        };
        JsonObject map = new() { ["Type"] = "Map", ["ItemProcessor"] = processor };
        if (jsonata)
        {
            map["QueryLanguage"] = "JSONata";
        }

        foreach (string field in ItemFields)
        {
            if (state.ContainsKey(field))
            {
                map[field] = state[field]?.DeepClone();
            }
        }

        if (batched)
        {
            map["ItemBatcher"] = state["ItemBatcher"]!.DeepClone();
            processor["ProcessorConfig"] = new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = "EXPRESS" };
        }

        ExecutionResult run = await runner.RunStepAsync(map, input, variables).ConfigureAwait(false);
        return run.Status == ExecutionStatus.Succeeded ? run.Output as JsonArray : null;
    }

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

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text, documentOptions: JsonLimits.DocumentOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode node) => node.ToJsonString(JsonLimits.SerializerOptions);
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

    /// <summary>Adds the facts to the inspection data.</summary>
    /// <param name="data">The data flow.</param>
    /// <returns>The data with the Map's fields.</returns>
    public InspectionData AddTo(InspectionData data) => data with
    {
        AfterItemSelector = AfterItemSelector,
        AfterItemBatcher = AfterItemBatcher,
        MaxConcurrency = MaxConcurrency,
        ToleratedFailureCount = ToleratedFailureCount,
        ToleratedFailurePercentage = ToleratedFailurePercentage,
    };
}
