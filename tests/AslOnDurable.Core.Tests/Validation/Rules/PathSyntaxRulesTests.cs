using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class PathSyntaxRulesTests
{
    private readonly PathSyntaxRules _rule = new();

    [Theory]
    [InlineData("result-path-not-reference", "/States/A/ResultPath")]
    [InlineData("result-path-context", "/States/A/ResultPath")]
    [InlineData("result-path-variable", "/States/B/ResultPath")]
    [InlineData("input-path-malformed", "/States/A/InputPath")]
    [InlineData("items-path-not-reference", "/States/M/ItemsPath")]
    [InlineData("map-number-path-context", "/States/M/MaxConcurrencyPath")]
    [InlineData("error-path-bad-intrinsic", "/States/F/ErrorPath")]
    [InlineData("cause-path-disallowed-intrinsic", "/States/F/CausePath")]
    [InlineData("cause-path-not-reference", "/States/F/CausePath")]
    [InlineData("choice-variable-malformed", "/States/C/Choices/0/Variable")]
    public void Check_MalformedPath_ReportsAtField(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", location);
    }

    [Theory]
    [InlineData("template-malformed-path", "/States/A/Parameters/x.$")]
    [InlineData("template-malformed-intrinsic", "/States/A/Parameters/nested/x.$")]
    public void Check_MalformedTemplateValue_ReportsAtTemplateField(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", location);
    }

    [Theory]
    [InlineData("parsing/all-states-jsonpath.asl.json")]
    [InlineData("parsing/distributed-map.asl.json")]
    [InlineData("parsing/variables-in-scope.asl.json")]
    public void Check_ValidPathsAndTemplates_ReportNothing(string fixture)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, fixture);

        // Assert
        Assert.Empty(diagnostics);
    }
}
