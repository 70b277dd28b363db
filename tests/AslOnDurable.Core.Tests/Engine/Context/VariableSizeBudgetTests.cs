using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Context;

/// <summary>
/// Workflow variable size limits (<see cref="ExecutionOptions.MaxVariableBytes"/>, <see cref="ExecutionOptions.MaxAssignBytes"/>,
/// <see cref="ExecutionOptions.MaxTotalVariableBytes"/>) through whole executions, in both query languages. Values are
/// JSON strings, so a string of n characters counts n + 2 bytes (its quotes).
/// </summary>
public sealed partial class VariableSizeBudgetTests
{
    private const string JsonPath = "JSONPath";
    private const string Jsonata = "JSONata";

    /// <summary>Every limit in both query languages, at the limit (0) and one byte over (1).</summary>
    public static TheoryData<string, string, int> Boundaries()
    {
        var cases = new TheoryData<string, string, int>();
        foreach (var language in new[] { JsonPath, Jsonata })
        {
            foreach (var limit in new[] { "variable", "assign", "execution" })
            {
                cases.Add(language, limit, 0);
                cases.Add(language, limit, 1);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task Assign_AtTheLimitAndOneByteOver_OnlyOverFailsWithACauseNamingTheVariableAndTheLimit(string language, string limit, int overBy)
    {
        // Each limit is 20 bytes: one variable of 20 (+1), two of 10 and 10 (+1) in one Assign, or in two states.
        var (states, options, input, cause) = limit switch
        {
            "variable" => (
                """{"Keep":{"Type":"Pass","Assign":{"big":"<s>"},"End":true}}""",
                new ExecutionOptions { MaxVariableBytes = 20 },
                Input(("s", 20 + overBy)),
                "The state/task 'Keep' assigned the variable 'big' with a size of 21 bytes, exceeding the maximum number of bytes service limit for a single variable (20 bytes)."),
            "assign" => (
                """{"Keep":{"Type":"Pass","Assign":{"a":"<x>","b":"<y>"},"End":true}}""",
                new ExecutionOptions { MaxAssignBytes = 20 },
                Input(("x", 10), ("y", 10 + overBy)),
                "The state/task 'Keep' assigned variables with a combined size of 21 bytes in one Assign field (reached at the variable 'b'), exceeding the maximum number of bytes service limit for an Assign field (20 bytes)."),
            _ => (
                """{"First":{"Type":"Pass","Assign":{"a":"<x>"},"Next":"Second"},"Second":{"Type":"Pass","Assign":{"b":"<y>"},"End":true}}""",
                new ExecutionOptions { MaxTotalVariableBytes = 20 },
                Input(("x", 10), ("y", 10 + overBy)),
                "The state/task 'Second' assigned the variable 'b', bringing the variables of the execution to 21 bytes, exceeding the maximum number of bytes service limit for the variables of an execution (20 bytes)."),
        };

        var result = await RunAsync(Machine(language, states), options, input);

        Assert.Equal(overBy == 0 ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
        Assert.Equal(overBy == 0 ? null : new AslError(StatesErrorNames.DataLimitExceeded, cause), result.Error);
    }

    [Theory]
    [InlineData(JsonPath)]
    [InlineData(Jsonata)]
    public async Task Assign_ReassignedVariable_CountsOnlyItsNewSize(string language)
    {
        var definition = Machine(language, """{"First":{"Type":"Pass","Assign":{"a":"<x>"},"Next":"Second"},"Second":{"Type":"Pass","Assign":{"a":"<y>"},"End":true}}""");

        var result = await RunAsync(definition, new ExecutionOptions { MaxTotalVariableBytes = 20 }, Input(("x", 15), ("y", 20)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    [Fact]
    public async Task Assign_LimitsUnset_AwsDefaultsApply()
    {
        var definition = Machine(JsonPath, """{"Keep":{"Type":"Pass","Assign":{"big":"<s>"},"End":true}}""");

        var atLimit = await RunAsync(definition, new ExecutionOptions { MaxPayloadBytes = 1024 * 1024 }, Input(("s", 256 * 1024)));
        var over = await RunAsync(definition, new ExecutionOptions { MaxPayloadBytes = 1024 * 1024 }, Input(("s", (256 * 1024) + 1)));

        Assert.Equal(ExecutionStatus.Succeeded, atLimit.Status);
        Assert.Equal(StatesErrorNames.DataLimitExceeded, over.Error?.Error);
    }

    [Fact]
    public async Task Catch_DataLimitExceededFromTaskAssign_CaughtBeforeTheResultIsPlaced()
    {
        var definition = Machine(JsonPath, """
            {"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"r.$":"$"},"ResultPath":"$.res","Next":"Done",
                     "Catch":[{"ErrorEquals":["States.DataLimitExceeded"],"ResultPath":"$.err","Next":"Handled"}]},
             "Done":{"Type":"Succeed"},
             "Handled":{"Type":"Pass","End":true}}
            """);
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 28))) };

        var result = await RunAsync(definition, new ExecutionOptions { MaxVariableBytes = 20 }, """{"in":1}""", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal(
            """{"in":1,"err":{"Error":"States.DataLimitExceeded","Cause":"The state/task 'Call' assigned the variable 'r' with a size of 30 bytes, exceeding the maximum number of bytes service limit for a single variable (20 bytes)."}}""",
            result.Output);
    }

    [Fact]
    public async Task Catch_DataLimitExceededFromJsonataAssign_CaughtWithTheErrorOutput()
    {
        var definition = Machine(Jsonata, """
            {"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"r":"{% $states.result %}"},"Next":"Done",
                     "Catch":[{"ErrorEquals":["States.DataLimitExceeded"],"Next":"Handled"}]},
             "Done":{"Type":"Succeed"},
             "Handled":{"Type":"Pass","Output":"{% $states.input.Error %}","End":true}}
            """);
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('x', 28))) };

        var result = await RunAsync(definition, new ExecutionOptions { MaxVariableBytes = 20 }, "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("\"States.DataLimitExceeded\"", result.Output);
    }

    [Fact]
    public async Task Retry_DataLimitExceededFromAssign_RetriedAndTheSmallerResultAssigned()
    {
        var definition = Machine(JsonPath, """
            {"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Assign":{"r.$":"$"},"Next":"Done",
                     "Retry":[{"ErrorEquals":["States.DataLimitExceeded"],"IntervalSeconds":1,"MaxAttempts":1}]},
             "Done":{"Type":"Pass","Parameters":{"r.$":"$r"},"End":true}}
            """);
        var calls = 0;
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(++calls == 1 ? new string('x', 28) : "ok")) };

        var result = await RunAsync(definition, new ExecutionOptions { MaxVariableBytes = 20 }, "{}", host);

        Assert.Equal(2, host.Invocations.Count);
        JsonAssert.Equal("""{"r":"ok"}""", result.Output);
    }

    [Theory]
    [InlineData(JsonPath, 20)]
    [InlineData(Jsonata, 20)]
    [InlineData(JsonPath, 19)]
    [InlineData(Jsonata, 19)]
    public async Task Map_IterationVariables_CountWhileTheIterationRunsAndAreReleasedWhenItEnds(string language, long limit)
    {
        // The outer variable (10 bytes) and one iteration's (10) fit in 20 but not in 19. Three iterations and a last
        // state that assigns 10 more pass 20 unless each iteration's variables stop counting when it ends.
        var options = new ExecutionOptions { MaxTotalVariableBytes = limit };

        var result = await RunAsync(MapMachine(language), options, MapInput());

        Assert.Equal(limit == 20 ? ExecutionStatus.Succeeded : ExecutionStatus.Failed, result.Status);
        Assert.Equal(
            limit == 20
                ? null
                : new AslError(
                    StatesErrorNames.DataLimitExceeded,
                    "The state/task 'Inner' assigned the variable 'v', bringing the variables of the execution to 20 bytes, exceeding the maximum number of bytes service limit for the variables of an execution (19 bytes)."),
            result.Error);
    }

    [Fact]
    public async Task Parallel_BranchVariables_ReleasedWhenTheBranchEnds()
    {
        var definition = Machine(JsonPath, """
            {"Both":{"Type":"Parallel","Next":"After","Branches":[
                {"StartAt":"L","States":{"L":{"Type":"Pass","Assign":{"v":"<x>"},"End":true}}},
                {"StartAt":"R","States":{"R":{"Type":"Pass","Assign":{"v":"<x>"},"End":true}}}]},
             "After":{"Type":"Pass","Assign":{"a":"12345678"},"End":true}}
            """);

        var result = await RunAsync(definition, new ExecutionOptions { MaxTotalVariableBytes = 10 }, Input(("x", 10)));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
    }

    /// <summary>
    /// A definition in the query language from its states, where an Assign entry <c>"name":"&lt;field&gt;"</c> takes the
    /// variable's value from that field of the state input (<c>"name.$":"$.field"</c> or <c>"{% $states.input.field %}"</c>).
    /// </summary>
    private static string Machine(string language, string states)
    {
        var replacement = language == Jsonata ? "\"$1\":\"{% $$states.input.$2 %}\"" : "\"$1.$$\":\"$$.$2\"";
        var resolved = FieldReference().Replace(states, replacement);
        var first = JsonNode.Parse(resolved)!.AsObject().First().Key;
        return $$"""{"QueryLanguage":"{{language}}","StartAt":"{{first}}","States":{{resolved}}}""";
    }

    private static string MapMachine(string language)
    {
        var items = language == Jsonata ? "\"Items\":\"{% $states.input.items %}\"" : "\"ItemsPath\":\"$.items\"";
        return Machine(language, """
            {"Before":{"Type":"Pass","Assign":{"a":"<x>"},"Next":"Each"},
             "Each":{"Type":"Map",ITEMS,"Next":"After",
                     "ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Assign":{"v":"<value>"},"End":true}}}},
             "After":{"Type":"Pass","Assign":{"c":"12345678"},"End":true}}
            """.Replace("ITEMS", items, StringComparison.Ordinal));
    }

    private static string MapInput()
    {
        var item = new JsonObject { ["value"] = new string('i', 8) };
        return new JsonObject { ["x"] = new string('x', 8), ["items"] = new JsonArray(item.DeepClone(), item.DeepClone(), item.DeepClone()) }.ToJsonString();
    }

    /// <summary>An input object whose fields hold strings of the given sizes in bytes (quotes included).</summary>
    private static string Input(params (string Field, int Bytes)[] fields)
    {
        var input = new JsonObject();
        foreach (var (field, bytes) in fields)
        {
            input[field] = new string('x', bytes - 2);
        }

        return input.ToJsonString();
    }

    private static async Task<ExecutionResult> RunAsync(string definition, ExecutionOptions options, string input, FakeExecutionHost? host = null) =>
        await new Interpreter(ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator())).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse(input), Name = "exec-1", StateMachineName = "machine" },
            host ?? new FakeExecutionHost(),
            options);

    [GeneratedRegex("\"(\\w+)\":\"<(\\w+)>\"")]
    private static partial Regex FieldReference();
}
