using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.InMemory.Mocking;

/// <summary>
/// The AWS Step Functions Local mock configuration file:
/// <c>{"StateMachines": {name: {"TestCases": {case: {state: response}}}}, "MockedResponses": {response: {"0": {"Return": …}, "1-2": {"Throw": {"Error", "Cause"}}}}}</c>.
/// </summary>
public sealed class MockConfiguration
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, FrozenDictionary<string, string>>> stateMachines;
    private readonly FrozenDictionary<string, MockedResponse> responses;

    private MockConfiguration(
        FrozenDictionary<string, FrozenDictionary<string, FrozenDictionary<string, string>>> stateMachines,
        FrozenDictionary<string, MockedResponse> responses)
    {
        this.stateMachines = stateMachines;
        this.responses = responses;
    }

    /// <summary>Parses the configuration.</summary>
    /// <param name="json">The file's JSON text.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="FormatException">The text is not a valid mock configuration.</exception>
    public static MockConfiguration Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: JsonLimits.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new FormatException("The mock configuration is not valid JSON: " + e.Message, e);
        }

        if (root is not JsonObject obj)
        {
            throw new FormatException("The mock configuration must be a JSON object.");
        }

        var machines = new Dictionary<string, FrozenDictionary<string, FrozenDictionary<string, string>>>(StringComparer.Ordinal);
        if (obj["StateMachines"] is JsonObject machineObjects)
        {
            foreach (var (machine, machineNode) in machineObjects)
            {
                var cases = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
                if (machineNode?["TestCases"] is JsonObject testCases)
                {
                    foreach (var (testCase, mapping) in testCases)
                    {
                        var states = new Dictionary<string, string>(StringComparer.Ordinal);
                        if (mapping is JsonObject stateMap)
                        {
                            foreach (var (state, response) in stateMap)
                            {
                                states[state] = response is JsonValue v && v.GetValueKind() == JsonValueKind.String
                                    ? v.GetValue<string>()
                                    : throw new FormatException($"Test case '{testCase}' maps state '{state}' to something other than a response name.");
                            }
                        }

                        cases[testCase] = states.ToFrozenDictionary(StringComparer.Ordinal);
                    }
                }

                machines[machine] = cases.ToFrozenDictionary(StringComparer.Ordinal);
            }
        }

        var parsedResponses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        if (obj["MockedResponses"] is JsonObject responseObjects)
        {
            foreach (var (name, response) in responseObjects)
            {
                parsedResponses[name] = MockedResponse.Parse(name, response);
            }
        }

        return new MockConfiguration(machines.ToFrozenDictionary(StringComparer.Ordinal), parsedResponses.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// Selects a test case: of the named state machine, or, when <paramref name="stateMachineName"/> is
    /// <see langword="null"/> or unknown, of the only state machine in the file.
    /// </summary>
    /// <param name="stateMachineName">The state machine name, or <see langword="null"/>.</param>
    /// <param name="testCase">The test case name.</param>
    /// <returns>The test case.</returns>
    /// <exception cref="FormatException">No such test case, or it names an unknown response.</exception>
    public MockTestCase GetTestCase(string? stateMachineName, string testCase)
    {
        FrozenDictionary<string, FrozenDictionary<string, string>>? cases = null;
        if (stateMachineName is not null)
        {
            stateMachines.TryGetValue(stateMachineName, out cases);
        }

        if (cases is null && stateMachines.Count == 1)
        {
            cases = stateMachines.Values[0];
        }

        if (cases is null || !cases.TryGetValue(testCase, out var states))
        {
            throw new FormatException($"The mock configuration has no test case '{testCase}'" + (stateMachineName is null ? "." : $" for state machine '{stateMachineName}'."));
        }

        var mapping = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        foreach (var (state, responseName) in states)
        {
            mapping[state] = responses.TryGetValue(responseName, out var response)
                ? response
                : throw new FormatException($"Test case '{testCase}' refers to an unknown mocked response '{responseName}'.");
        }

        return new MockTestCase(testCase, mapping.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
