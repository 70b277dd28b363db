using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class VariableRulesTests
{
    private readonly VariableRules _rule = new();

    [Theory]
    [InlineData("undefined-variable", "/States/A/Parameters/x.$")]
    [InlineData("variable-assigned-after-use", "/States/A/InputPath")]
    [InlineData("variable-assigned-in-branch-only", "/States/A/OutputPath")]
    public void Check_VariableNeverInScope_WarnsUndefinedVariable(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "UNDEFINED_VARIABLE", location);
        Assert.Equal(Core.Validation.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Check_VariablesFromPredecessorsRulesCatchersAndOuterScope_AreInScope()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/variables-in-scope.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_JsonataReferenceNeverInScope_WarnsUndefinedVariable()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/jsonata-undefined-variable.asl.json");

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("UNDEFINED_VARIABLE", diagnostic.Code);
        Assert.Equal("/States/B/Output/x", diagnostic.Location);
        Assert.Equal(Core.Validation.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'$nope'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_JsonataOwnAssign_IsNotVisibleToTheStateItself()
    {
        // Arrange
        const string json = """{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"a":1,"b":"{% $a %}"},"End":true}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        RuleHarness.Single(diagnostics, "UNDEFINED_VARIABLE", "/States/A/Assign/b");
    }

    [Fact]
    public void Check_JsonataStatesBindingsLambdasAndFunctions_AreNotVariables()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/jsonata-variables-in-scope.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_JsonataSyntaxError_IsLeftToJsonataRules()
    {
        // Arrange
        const string json = """{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $nope[1,2) %}","End":true}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_InvalidAndReservedNames_AreReported()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/invalid-variable-name.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "INVALID_VARIABLE_NAME", "/States/A/Assign/1abc");
        RuleHarness.Single(diagnostics, "INVALID_VARIABLE_NAME", "/States/A/Assign/states");
    }

    [Theory]
    [InlineData("$.a", new string[0])]
    [InlineData("$$.Execution.Id", new string[0])]
    [InlineData("$x.y", new[] { "x" })]
    [InlineData("States.Format('cost $5 {}', $price, $.a)", new[] { "price" })]
    [InlineData("States.MathAdd($a, $b)", new[] { "a", "b" })]
    public void References_PathText_FindsVariablesOutsideLiterals(string text, string[] expected)
    {
        // Act
        var names = VariableRules.References(text).ToArray();

        // Assert
        Assert.Equal(expected, names);
    }
}
