using AslOnDurable.Core.Model.Choice;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Tests.Parsing;

public class ChoiceRuleParserTests
{
    [Fact]
    public void ParseChoices_JsonPathRules_BuildConditionTree()
    {
        // Act
        var choice = Assert.IsType<ChoiceState>(ShapeParse.Valid("parsing/all-states-jsonpath.asl.json").States["Choice"]);

        // Assert
        Assert.Equal("Map", choice.Default);
        Assert.Equal(3, choice.Choices.Length);
        var first = Assert.IsType<ComparisonCondition>(choice.Choices[0].Condition);
        Assert.Equal(("$.n", ComparisonOperator.NumericGreaterThanEquals, false), (first.Variable, first.Operator, first.IsPath));
        Assert.Equal(10, first.Operand!.GetValue<int>());
        Assert.True(choice.Choices[0].Assign!["big"]!.GetValue<bool>());
        var and = Assert.IsType<AndCondition>(choice.Choices[1].Condition);
        Assert.Equal(ComparisonOperator.StringMatches, Assert.IsType<ComparisonCondition>(and.Conditions[0]).Operator);
        var not = Assert.IsType<NotCondition>(and.Conditions[1]);
        Assert.Equal(ComparisonOperator.BooleanEquals, Assert.IsType<ComparisonCondition>(not.Condition).Operator);
        var or = Assert.IsType<OrCondition>(choice.Choices[2].Condition);
        var pathForm = Assert.IsType<ComparisonCondition>(or.Conditions[0]);
        Assert.Equal((ComparisonOperator.TimestampLessThan, true, "$.u"), (pathForm.Operator, pathForm.IsPath, pathForm.Operand!.GetValue<string>()));
        Assert.Equal(ComparisonOperator.IsNull, Assert.IsType<ComparisonCondition>(or.Conditions[1]).Operator);
    }

    [Fact]
    public void ParseChoices_JsonataRules_KeepConditionOutputAndAssign()
    {
        // Act
        var choice = Assert.IsType<ChoiceState>(ShapeParse.Valid("parsing/all-states-jsonata.asl.json").States["Choice"]);

        // Assert
        var first = Assert.IsType<JsonataCondition>(choice.Choices[0].Condition);
        Assert.Equal("{% $states.input.x > 1 %}", first.Condition!.GetValue<string>());
        Assert.True(choice.Choices[0].Output!["big"]!.GetValue<bool>());
        Assert.True(choice.Choices[0].Assign!["big"]!.GetValue<bool>());
        Assert.False(Assert.IsType<JsonataCondition>(choice.Choices[1].Condition).Condition!.GetValue<bool>());
    }

    [Theory]
    [InlineData("choice-rule-without-next", "/States/C/Choices/0", "[Next]")]
    [InlineData("choice-nested-rule-with-next", "/States/C/Choices/0/And/0/Next", "'Next' is not supported")]
    [InlineData("choice-two-operators", "/States/C/Choices/0", "only be one of")]
    [InlineData("choice-operand-type", "/States/C/Choices/0/NumericEquals", "must be a number")]
    [InlineData("choice-condition-in-jsonpath", "/States/C/Choices/0/Condition", "only supported for the 'JSONata'")]
    [InlineData("choice-variable-in-jsonata", "/States/C/Choices/0/Variable", "only supported for the 'JSONPath'")]
    [InlineData("choice-empty-choices", "/States/C/Choices", "at least one rule")]
    [InlineData("choice-with-next", "/States/C/Next", "'Next' is not supported")]
    public void ParseChoices_InvalidRule_ReportsAtRule(string fixture, string location, string messagePart)
    {
        // Act
        var (_, diagnostics) = ShapeParse.Fixture($"validation/{fixture}.asl.json");

        // Assert
        Assert.Contains(diagnostics, d => d.Code == "SCHEMA_VALIDATION_FAILED" && d.Location == location && d.Message.Contains(messagePart, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseChoices_TwoOperators_ReportsOnlyTheConflict()
    {
        // Act
        var (_, diagnostics) = ShapeParse.Fixture("validation/choice-two-operators.asl.json");

        // Assert
        Assert.Single(diagnostics);
    }

    [Fact]
    public void ParseChoices_VariableAndCombinator_ReportsOnlyTheConflict()
    {
        // Arrange
        const string json = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.x","IsPresent":true,"And":[{"Variable":"$.y","IsNull":true}],"Next":"A"}]},"A":{"Type":"Succeed"}}}""";

        // Act
        var (definition, diagnostics) = ShapeParse.Run(json);

        // Assert
        Assert.Equal("/States/C/Choices/0", Assert.Single(diagnostics).Location);
        Assert.IsType<ComparisonCondition>(Assert.IsType<ChoiceState>(definition!.States["C"]).Choices[0].Condition);
    }
}
