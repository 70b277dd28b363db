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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_HeldInputChangedInPlaceByAStateWithoutOutput_ExitedAsChanged(bool compact)
    {
        // A state without Output passes its held input on as it came, so its exited text is the entered one's, unless a
        // $transform through a $clone that does not copy changed that value in place meanwhile.
        var states = new JsonObject
        {
            ["Held"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% {'p': {'q': 1}, 'r': [{'s': 2}]} %}", ["Next"] = "Same" },
            ["Same"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Assign"] = new JsonObject { ["y"] = "{% $states.input.p %}" }, ["Next"] = "Change" },
            ["Change"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["QueryLanguage"] = "JSONata",
                ["Assign"] = new JsonObject { ["x"] = "{% ( $clone := function($x) { $x }; $states.input ~> | p | {'q': 5} | ~> | r | {'t': 3}, ['s'] | ) %}" },
                ["Next"] = "After",
            },
            ["After"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["End"] = true },
        };

        IReadOnlyList<HistoryEvent> events = await RunAsync(compact, "Held", states);

        var exited = events.Where(e => e.State is { Exited: true }).ToDictionary(e => e.State!.Name, e => e.State!);
        var entered = events.Where(e => e.State is { Exited: false }).ToDictionary(e => e.State!.Name, e => e.State!);
        Assert.Equal("""{"p":{"q":1},"r":[{"s":2}]}""", exited["Same"].Payload);
        Assert.Equal("""{"p":{"q":1},"r":[{"s":2}]}""", entered["Change"].Payload);
        Assert.Equal("""{"p":{"q":5},"r":[{"t":3}]}""", exited["Change"].Payload);
        Assert.Equal("""{"p":{"q":5},"r":[{"t":3}]}""", entered["After"].Payload);
        Assert.Equal("""{"p":{"q":5},"r":[{"t":3}]}""", exited["After"].Payload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_OutputsHoldingTheirInput_RecordedAsTheirNodesWouldBe(bool compact)
    {
        // Outputs that hold the state's input, or begin with its members, copy the input's text where it is still its text.
        const string Added = "{'added': '<&> é', 't': 1 / 3}";
        var states = new JsonObject
        {
            ["Held"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% " + Awkward + " %}", ["Next"] = "Merge" },
            ["Merge"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% $merge([$states.input, " + Added + "]) %}", ["Next"] = "Keep" },
            ["Keep"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = new JsonObject { ["keep"] = "{% $states.input %}", ["both"] = "{% [$states.input] %}" }, ["Next"] = "Change" },
            ["Change"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["QueryLanguage"] = "JSONata",
                ["Output"] = "{% ( $clone := function($x) { $x }; $t := $states.input ~> | keep | {'s': 'changed'} |; {'keep': $states.input} ) %}",
                ["Next"] = "Replace",
            },
            ["Replace"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% $merge([$states.input, {'keep': 0}]) %}", ["End"] = true },
        };

        IReadOnlyList<HistoryEvent> events = await RunAsync(compact, "Held", states);

        var exited = events.Where(e => e.State is { Exited: true }).ToDictionary(e => e.State!.Name, e => e.State!);
        var merged = "$merge([" + Awkward + ", " + Added + "])";
        Assert.Equal(NodeText(merged), exited["Merge"].Payload);
        Assert.Equal(NodeText("( $m := " + merged + "; {'keep': $m, 'both': [$m]} )"), exited["Keep"].Payload);
        var changed = "( $m := $merge([" + merged + ", {'s': 'changed'}]); {'keep': {'keep': $m, 'both': [$m]}} )"; // the one object, changed in place
        Assert.Equal(NodeText(changed), exited["Change"].Payload);
        Assert.Equal("""{"keep":0}""", exited["Replace"].Payload);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Run_TaskWhoseHandlerChangesTheParametersArgumentsBuilt_OutputHoldsTheInputAsItWas(bool compact)
    {
        // The handler gets new nodes built by Arguments, changes them in place and returns them: the result is what it
        // returned, and the state's (held) input and the output's text, which copies the input's, are as they were.
        var states = new JsonObject
        {
            ["Held"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% {'a': {'b': 1}, 's': '<x>'} %}", ["Next"] = "Call" },
            ["Call"] = new JsonObject
            {
                ["Type"] = "Task",
                ["QueryLanguage"] = "JSONata",
                ["Resource"] = "arn:aws:lambda:us-east-1:123456789012:function:f",
                ["Arguments"] = "{% {'p': $states.input.a, 'q': 2} %}",
                ["Output"] = "{% $merge([$states.input, {'r': $states.result}]) %}",
                ["Next"] = "After",
            },
            ["After"] = new JsonObject { ["Type"] = "Pass", ["QueryLanguage"] = "JSONata", ["Output"] = "{% {'again': $states.input.a} %}", ["End"] = true },
        };
        var host = new FakeExecutionHost
        {
            ReadsTaskInputAtOnce = true,
            Tasks = invocation =>
            {
                var parameters = invocation.Input!.AsObject();
                parameters["p"]!.AsObject()["b"] = 99;
                parameters["added"] = true;
                return TaskOutcome.Success(parameters); // the same node, changed
            },
        };

        IReadOnlyList<HistoryEvent> events = await RunAsync(compact, "Held", states, host);

        var exited = events.Where(e => e.State is { Exited: true }).ToDictionary(e => e.State!.Name, e => e.State!);
        Assert.Equal("""{"a":{"b":1},"s":"\u003Cx\u003E","r":{"p":{"b":99},"q":2,"added":true}}""", exited["Call"].Payload);
        Assert.Equal("""{"again":{"b":1}}""", exited["After"].Payload);
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
        return await RunAsync(compact, "Held", (JsonObject)definition["States"]!.DeepClone());
    }

    private static Task<IReadOnlyList<HistoryEvent>> RunAsync(bool compact, string startAt, JsonObject states) =>
        RunAsync(compact, startAt, states, new FakeExecutionHost());

    private static async Task<IReadOnlyList<HistoryEvent>> RunAsync(bool compact, string startAt, JsonObject states, FakeExecutionHost host)
    {
        var definition = new JsonObject { ["StartAt"] = startAt, ["States"] = states };
        IHistorySink sink = compact ? new CompactHistorySink() : new ListHistorySink();
        ExecutionResult result = await new Interpreter(ExecutionPlan.Compile(DefinitionParser.Parse(definition.ToJsonString()).Definition!, new JsonataLibraryEvaluator())).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}"), Name = "exec-1" },
            host,
            new ExecutionOptions { History = sink });
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");
        return sink is CompactHistorySink packed ? packed.Events : ((ListHistorySink)sink).Events;
    }
}
