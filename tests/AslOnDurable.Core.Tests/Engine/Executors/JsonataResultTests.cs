using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>JSONata <c>Output</c> presence (<c>"Output": null</c>) and results that are not JSON (functions).</summary>
public sealed class JsonataResultTests
{
    private static ExecutionResult Run(string definition, string input, FakeExecutionHost? host = null)
    {
        var plan = ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator());
        return new Interpreter(plan)
            .RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input) }, host ?? new FakeExecutionHost())
            .AsTask().GetAwaiter().GetResult();
    }

    [Fact]
    public void Output_ExplicitNullOnPass_OutputIsJsonNull()
    {
        var result = Run(DefinitionFixtures.Read("jsonata-output/output-null-pass.asl.json"), """{"input_value":"x"}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
    }

    [Fact]
    public void Output_ExplicitNullOnCatcher_CaughtOutputIsJsonNull()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Failure(new AslError("Boom", "b")) };

        var result = Run(DefinitionFixtures.Read("jsonata-output/output-null-catch.asl.json"), """{"a":1}""", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
    }

    [Fact]
    public void Output_ExplicitNullOnChoiceRule_OutputIsJsonNull()
    {
        var result = Run(DefinitionFixtures.Read("jsonata-output/output-null-choice-rule.asl.json"), """{"a":1}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Null(result.Output);
    }

    [Fact]
    public void Output_Absent_TaskResultIsTheOutput()
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonNode.Parse("""{"r":2}""")) };

        var result = Run(DefinitionFixtures.Read("jsonata-output/output-absent-task.asl.json"), """{"a":1}""", host);

        JsonAssert.Equal("""{"r":2}""", result.Output);
    }

    [Fact]
    public void Parse_OutputNullVersusAbsent_HasOutputTellsThemApart()
    {
        var explicitNull = DefinitionParser.Parse(DefinitionFixtures.Read("jsonata-output/output-null-pass.asl.json")).Definition!;
        var absent = DefinitionParser.Parse(DefinitionFixtures.Read("jsonata-output/output-absent-task.asl.json")).Definition!;

        Assert.True(explicitNull.States["P"].HasOutput);
        Assert.Null(explicitNull.States["P"].Output);
        Assert.False(absent.States["T"].HasOutput);
    }

    [Theory]
    [InlineData("function-result.asl.json", "$sum", "Output/f")]
    [InlineData("function-result-assign.asl.json", "function($x){$x}", "Assign/f")]
    [InlineData("function-result-arguments.asl.json", "$uppercase", "Arguments")]
    [InlineData("function-result-items.asl.json", "$fn := function($x){$x}", "Items")]
    [InlineData("function-result-condition.asl.json", "$not", "Condition")]
    public void JsonataField_ExpressionReturnsFunction_FailsWithUnsupportedResultType(string fixture, string expression, string field)
    {
        var result = Run(DefinitionFixtures.Read("jsonata-output/" + fixture), """{"a":1}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.QueryEvaluationError, result.Error!.Error);
        Assert.EndsWith(
            $"The JSONata expression '{expression}' specified for the field '{field}' returned an unsupported result type.",
            result.Error.Cause,
            StringComparison.Ordinal);
    }
}
