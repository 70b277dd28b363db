using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Testing;

/// <summary>
/// TestState's probe: a state machine of the tested state alone whose every way out (Next, Choice rules, Default,
/// catchers, and each retrier that still applies, turned into a catcher in front) leads to a stub <c>Succeed</c> state,
/// so one in-memory run shows where the state goes, with which output, without running anything after it and
/// without retrying.
/// </summary>
/// <param name="Definition">The probe machine's definition text.</param>
/// <param name="StateName">The tested state's name.</param>
/// <param name="State">The tested state as given.</param>
/// <param name="Exits">The stub states by name.</param>
/// <param name="IsJsonata">Whether the state uses JSONata (its own QueryLanguage, or the machine's).</param>
internal sealed record StateProbe(string Definition, string StateName, JsonObject State, IReadOnlyDictionary<string, ProbeExit> Exits, bool IsJsonata)
{
    /// <summary>The prefix of stub state names.</summary>
    public const string StubPrefix = "__TestState.";

    /// <summary>The resource of a mocked Map or Parallel state's stand-in Task (only the mock answers it).</summary>
    public const string MockResource = "arn:aws:states:::aslondurable:testState.mock";

    /// <summary>The state's name when the definition is one state.</summary>
    public const string DefaultStateName = "TestState";

    /// <summary>Gets the state's <c>Type</c>.</summary>
    public string Type => (string?)State["Type"] ?? string.Empty;

    /// <summary>Gets the Task state's <c>Resource</c> (empty for other states).</summary>
    public string Resource => Type == "Task" ? (string?)State["Resource"] ?? string.Empty : string.Empty;

    /// <summary>Gets whether the state is a Task of a <c>.sync</c> or <c>.waitForTaskToken</c> integration (it has <c>$$.Task.Token</c>).</summary>
    public bool WaitsForTask =>
        Resource.EndsWith(".sync", StringComparison.Ordinal) || Resource.EndsWith(".sync:2", StringComparison.Ordinal)
        || Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal);

    /// <summary>Builds the probe.</summary>
    /// <param name="definition">The state's definition, or a whole state machine's.</param>
    /// <param name="stateName">The state to test in a whole state machine (default: its StartAt).</param>
    /// <param name="retryCount">Retries already made (<c>stateConfiguration.retrierRetryCount</c>).</param>
    /// <param name="mocked">
    /// Whether the request mocks the state's result: a Map or Parallel state then runs as a Task with its data-flow fields
    /// (InputPath, Parameters of a Parallel, ResultSelector, ResultPath, OutputPath, Assign, Output, Retry, Catch) whose
    /// result is the mock's, as AWS runs them.
    /// </param>
    /// <returns>The probe.</returns>
    public static StateProbe Build(string definition, string? stateName, int retryCount, bool mocked = false)
    {
        JsonObject root = Parse(definition);
        JsonObject machine = new();
        string name;
        JsonObject state;
        if (root["States"] is JsonObject states)
        {
            name = stateName ?? (string?)root["StartAt"] ?? throw Invalid("the state machine has no StartAt");
            state = states[name] as JsonObject ?? throw Invalid($"the state machine has no state '{name}'");
            if (root["QueryLanguage"] is { } language)
            {
                machine["QueryLanguage"] = language.DeepClone();
            }
        }
        else
        {
            name = stateName ?? DefaultStateName;
            state = root;
        }

        JsonObject probe = (JsonObject)state.DeepClone();
        if (mocked && (string?)state["Type"] is "Map" or "Parallel")
        {
            AsMockedTask(probe);
        }

        Dictionary<string, ProbeExit> exits = new(StringComparer.Ordinal);
        JsonObject probeStates = new() { [name] = probe };
        string Stub(ProbeExit exit)
        {
            string stub = string.Create(CultureInfo.InvariantCulture, $"{StubPrefix}{exit.Kind}.{exits.Count}");
            exits[stub] = exit;
            probeStates[stub] = new JsonObject { ["Type"] = "Succeed" };
            return stub;
        }

        if (probe["Next"] is JsonValue next && next.GetValueKind() == JsonValueKind.String)
        {
            probe["Next"] = Stub(new ProbeExit(ProbeExit.Next, 0, (string)next!, 0));
        }

        if (probe["Default"] is JsonValue fallback && fallback.GetValueKind() == JsonValueKind.String)
        {
            probe["Default"] = Stub(new ProbeExit(ProbeExit.Next, 0, (string)fallback!, 0));
        }

        foreach (JsonObject rule in (probe["Choices"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (rule["Next"] is JsonValue target && target.GetValueKind() == JsonValueKind.String)
            {
                rule["Next"] = Stub(new ProbeExit(ProbeExit.Next, 0, (string)target!, 0));
            }
        }

        JsonArray catchers = [];
        JsonArray retriers = probe["Retry"] as JsonArray ?? [];
        probe.Remove("Retry");
        for (int i = 0; i < retriers.Count; i++)
        {
            if (retriers[i] is JsonObject retrier && Applies(retrier, retryCount, out int backoff))
            {
                catchers.Add(new JsonObject
                {
                    ["ErrorEquals"] = retrier["ErrorEquals"]?.DeepClone(),
                    ["Next"] = Stub(new ProbeExit(ProbeExit.Retry, i, null, backoff)),
                });
            }
        }

        JsonArray given = probe["Catch"] as JsonArray ?? [];
        for (int i = 0; i < given.Count; i++)
        {
            if (given[i] is JsonObject catcher)
            {
                JsonObject copy = (JsonObject)catcher.DeepClone();
                copy["Next"] = Stub(new ProbeExit(ProbeExit.Catch, i, (string?)catcher["Next"], 0));
                catchers.Add(copy);
            }
        }

        probe.Remove("Catch");
        if (catchers.Count > 0)
        {
            // Nothing after a States.ALL rule is reachable (and the validator wants States.ALL last).
            int all = catchers.ToList().FindIndex(c => (c?["ErrorEquals"] as JsonArray)?.Any(e => (string?)e == "States.ALL") == true);
            probe["Catch"] = new JsonArray([.. catchers.Take(all < 0 ? catchers.Count : all + 1).Select(c => c!.DeepClone())]);
        }

        machine["StartAt"] = name;
        machine["States"] = probeStates;
        string? queryLanguage = (string?)state["QueryLanguage"] ?? (string?)machine["QueryLanguage"];
        return new StateProbe(machine.ToJsonString(JsonLimits.SerializerOptions), name, state, exits, queryLanguage == "JSONata");
    }

    /// <summary>The names a state holds in its branches or item processor, at any depth.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The names.</returns>
    public static IEnumerable<string> InnerStateNames(JsonObject state)
    {
        IEnumerable<JsonObject> machines = (state["Branches"] as JsonArray)?.OfType<JsonObject>() ?? [];
        foreach (JsonObject machine in machines.Concat(new[] { state["ItemProcessor"], state["Iterator"] }.OfType<JsonObject>()))
        {
            foreach (var (name, inner) in machine["States"] as JsonObject ?? [])
            {
                yield return name;
                foreach (string nested in inner is JsonObject innerState ? InnerStateNames(innerState) : [])
                {
                    yield return nested;
                }
            }
        }
    }

    /// <summary>Turns a Map or Parallel state into a Task whose result is the mock's, keeping the fields around the result.</summary>
    private static void AsMockedTask(JsonObject probe)
    {
        bool map = (string?)probe["Type"] == "Map";
        string[] inner =
        [
            "Branches", "ItemProcessor", "Iterator", "ItemsPath", "Items", "ItemSelector", "ItemReader", "ItemBatcher", "ResultWriter",
            "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath", "ToleratedFailurePercentage",
            "ToleratedFailurePercentagePath", "Label",
        ];
        foreach (string field in map ? [.. inner, "Parameters"] : inner)
        {
            probe.Remove(field);
        }

        probe["Type"] = "Task";
        probe["Resource"] = MockResource;
    }

    /// <summary>
    /// Whether a retrier would still retry after <paramref name="retryCount"/> retries, and the wait before the next:
    /// <c>IntervalSeconds × BackoffRate^retryCount</c>, at most <c>MaxDelaySeconds</c> (AWS's defaults 1, 2.0, 3 attempts).
    /// </summary>
    private static bool Applies(JsonObject retrier, int retryCount, out int backoff)
    {
        double interval = Number(retrier["IntervalSeconds"]) ?? 1;
        double rate = Number(retrier["BackoffRate"]) ?? 2.0;
        double attempts = Number(retrier["MaxAttempts"]) ?? 3;
        double wait = interval * Math.Pow(rate, retryCount);
        if (Number(retrier["MaxDelaySeconds"]) is { } max)
        {
            wait = Math.Min(wait, max);
        }

        backoff = (int)Math.Min(wait, int.MaxValue);
        return retryCount < attempts;
    }

    /// <summary>A JSON number's value, or <see langword="null"/> for anything else.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The number.</returns>
    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    private static JsonObject Parse(string definition)
    {
        try
        {
            return JsonNode.Parse(definition, documentOptions: JsonLimits.DocumentOptions) as JsonObject ?? throw Invalid("the definition must be a JSON object");
        }
        catch (JsonException e)
        {
            throw Invalid("the definition is not valid JSON: " + e.Message);
        }
    }

    private static ApiException Invalid(string problem) =>
        new(ApiErrorTypes.InvalidDefinition, "Invalid State Machine Definition: '" + problem + "'");
}
