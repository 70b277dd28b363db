using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>
/// A JSONPath Map whose items are a JSON object runs one iteration per member, in the object's order, each given the
/// member as a `{"Key", "Value"}` pair; the Map's result is still an array (inline and distributed). A JSONata Map
/// iterates arrays only, as AWS answers: an object input or Items fails with States.QueryEvaluationError.
/// </summary>
public sealed class MapObjectItemsTests
{
    private const string Servers = """
        {"environment":"production","servers":{"web":{"server1":{"port":80,"status":"active"},"server2":{"port":8080,"status":"inactive"}},
          "database":{"primary":{"host":"db1"}}}}
        """;

    private static ExecutionResult RunJsonata(string definition, string input)
    {
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator());
        return new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input) }, new FakeExecutionHost()).AsTask().GetAwaiter().GetResult();
    }

    [Theory]
    [InlineData("""{"Mode":"INLINE"}""")]
    [InlineData("""{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"}""")]
    public void JsonPath_ItemsPathSelectsAnObject_OneIterationPerMemberGivenThePair(string processorConfig)
    {
        var result = EngineRun.Run($$$$"""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.servers.web",
              "ItemProcessor":{"ProcessorConfig":{{{{processorConfig}}}},"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
              "ResultPath":"$.checked","OutputPath":"$.checked","End":true}}}
            """, Servers);

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal(
            """[{"Key":"server1","Value":{"port":80,"status":"active"}},{"Key":"server2","Value":{"port":8080,"status":"inactive"}}]""",
            result.Output);
    }

    [Fact]
    public void JsonPath_WholeInputIsAnObject_ItemSelectorSeesIndexAndPairInMemberOrder()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map",
              "ItemSelector":{"i.$":"$$.Map.Item.Index","pair.$":"$$.Map.Item.Value"},
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, """{"zeta":1,"alpha":[2],"mid":null}""");

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal(
            """[{"i":0,"pair":{"Key":"zeta","Value":1}},{"i":1,"pair":{"Key":"alpha","Value":[2]}},{"i":2,"pair":{"Key":"mid","Value":null}}]""",
            result.Output);
    }

    [Fact]
    public void JsonPath_EmptyObject_NoIterationsEmptyArray()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemProcessor":{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"Ran"}}},"End":true}}}
            """, "{}");

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("[]", result.Output);
    }

    [Fact]
    public void Jsonata_NoItemsFieldAndObjectInput_FailsAsAnInputThatIsNotAnArray()
    {
        var result = RunJsonata("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},
              "End":true}}}
            """, """{"b":1,"a":{"x":2}}""");

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.Contains("""Map state input must be an array but was: {"b":1,"a":{"x":2}}""", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonata_ItemsEvaluatesToAnObject_FailsNamingTheExpressionAndTheObject()
    {
        var result = RunJsonata("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.servers.database %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, Servers);

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.Contains("Expected 'array', but was 'object' for value: {\"primary\":{\"host\":\"db1\"}}", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonata_ItemsEvaluatesToAScalar_StillFailsWithQueryEvaluationError()
    {
        var result = RunJsonata("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% $states.input.environment %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, Servers);

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
    }

    [Fact]
    public void Iterations_DoNotChangeTheStateInputsObject()
    {
        var result = EngineRun.Run("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.servers.web",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","Result":"seen","ResultPath":"$.Value.note","End":true}}},
              "ResultPath":"$.out","End":true}}}
            """, """{"servers":{"web":{"server1":{"port":80}}}}""");

        Assert.True(result.Error is null, result.Error?.Cause);
        JsonAssert.Equal("""{"servers":{"web":{"server1":{"port":80}}},"out":[{"Key":"server1","Value":{"port":80,"note":"seen"}}]}""", result.Output);
    }
}
