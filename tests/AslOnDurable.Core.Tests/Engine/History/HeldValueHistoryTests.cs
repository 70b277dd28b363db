using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Jsonata;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// JSONata outputs and variables held as the evaluator's value are recorded without building their nodes, with the
/// text their nodes would give (System.Text.Json's numbers and escaping, not JSONata's own JSON text).
/// </summary>
public sealed class HeldValueHistoryTests
{
    private const string Awkward =
        "{'d': 0.1 + 0.2, 'third': 1 / 3, 'big': 2e21, 'tiny': 1.5e-7, 'int': 9007199254740993, 'neg': -0.5, 'e': 1e15 + 0.5, " +
        "'s': 'q\"b\\\\s <&> é 中 😀 \u2028 \t', 'arr': [1, 'x', true, false, null, {'k': [], 'o': {}}], 'n': null}";

    private const string Variable = "{'list': [0.1 * 3, 100, -7.25e-300], 'name': '<Ada> & \"Lovelace\"', 'nested': {'a': {'b': ['é']}}}";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_HeldOutputsAndVariables_RecordedAsTheirNodesWouldBe(bool compact)
    {
        var awkward = NodeText(Awkward);
        var variable = NodeText(Variable);
        var third = NodeText("1 / 3");

        IReadOnlyList<HistoryEvent> events = await RunAsync(compact);

        var exited = events.Where(e => e.State is { Exited: true }).ToDictionary(e => e.State!.Name, e => e.State!);
        var entered = events.Where(e => e.State is { Exited: false }).ToDictionary(e => e.State!.Name, e => e.State!);
        Assert.Equal(awkward, exited["Held"].Payload);
        Assert.Equal(awkward, entered["Assign"].Payload); // a held input passed on
        Assert.Equal(awkward, exited["Assign"].Payload);
        Assert.Equal(variable, Assert.Single(exited["Assign"].AssignedVariables!, v => v.Key == "v").Value);
        Assert.Equal(awkward, entered["Check"].Payload);
        Assert.Equal(third, exited["Scalar"].Payload);
        Assert.Equal(third, entered["Reads"].Payload); // a state that reads nodes builds it from the held value
        Assert.Equal($$"""{"third":{{third}},"v":{{variable}}}""", exited["Reads"].Payload);
    }

    /// <summary>The compact text of the node the evaluator's value of <paramref name="expression"/> becomes.</summary>
    private static string NodeText(string expression) => JsonataExpression.Compile(expression).Evaluate(JsonataValue.Undefined).Node!.ToJsonString();

    private static async Task<IReadOnlyList<HistoryEvent>> RunAsync(bool compact)
    {
        var definition = new JsonObject
        {
            ["StartAt"] = "Held",
            ["States"] = new JsonObject
            {
                ["Held"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% " + Awkward + " %}", ["Next"] = "Assign" },
                ["Assign"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Assign"] = new JsonObject { ["v"] = "{% " + Variable + " %}", ["plain"] = 1 }, ["Next"] = "Check" },
                ["Check"] = new JsonObject
                {
                    ["Type"] = "Choice",
                    ["QueryLanguage"] = "JSONata",
                    ["Choices"] = new JsonArray(new JsonObject { ["Condition"] = "{% $states.input.n = null %}", ["Next"] = "Scalar" }),
                    ["Default"] = "Scalar",
                },
                ["Scalar"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% 1 / 3 %}", ["Next"] = "Reads" },
                ["Reads"] = new JsonObject
                {
                    ["Type"] = "Pass",
                    ["Parameters"] = new JsonObject { ["third.$"] = "$", ["v.$"] = "$v" },
                    ["End"] = true,
                },
            },
        };
        IHistorySink sink = compact ? new CompactHistorySink() : new ListHistorySink();
        ExecutionResult result = await new Interpreter(ExecutionPlan.Compile(DefinitionParser.Parse(definition.ToJsonString()).Definition!, new JsonataLibraryEvaluator())).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}"), Name = "exec-1" },
            new FakeExecutionHost(),
            new ExecutionOptions { History = sink });
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");
        return sink is CompactHistorySink packed ? packed.Events : ((ListHistorySink)sink).Events;
    }
}
