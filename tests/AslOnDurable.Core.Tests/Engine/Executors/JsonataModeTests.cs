using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Testing;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class JsonataModeTests
{
    private static ExecutionResult Run(string definition, string input)
    {
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator());
        return new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input) }, new FakeExecutionHost()).AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void Execute_PassAssignAndOutput_UseStatesInputAndVariables()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"A","States":{
              "A":{"Type":"Pass","Assign":{"n":"{% $states.input.n * 2 %}"},"Next":"B"},
              "B":{"Type":"Pass","Output":{"doubled":"{% $n %}","state":"{% $states.context.State.Name %}"},"End":true}}}
            """, """{"n":21}""");

        JsonAssert.Equal("""{"doubled":42,"state":"B"}""", result.Output);
    }

    [Fact]
    public void Execute_ChoiceCondition_PicksRuleAndItsOutput()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"C","States":{
              "C":{"Type":"Choice","Choices":[{"Condition":"{% $states.input.v > 1 %}","Output":{"big":true},"Next":"E"}],"Default":"E"},
              "E":{"Type":"Succeed"}}}
            """, """{"v":2}""");

        JsonAssert.Equal("""{"big":true}""", result.Output);
    }

    [Fact]
    public void Execute_MapItemsNotAnArray_FailsWithAwsCause()
    {
        var result = Run("""
            {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","Items":"{% 1 %}",
              "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """, "{}");

        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.EndsWith("The JSONata expression '1' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was 'number' for value: 1", result.Error.Cause, StringComparison.Ordinal);
    }
}
