using AslOnDurable.Core.Validation;
using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class JsonataRulesTests
{
    private readonly JsonataRules _rule = new();

    [Theory]
    [InlineData("jsonata-unclosed-expression", "INVALID_JSONATA_EXPRESSION", "/States/A/Output")]
    [InlineData("jsonata-empty-expression", "INVALID_JSONATA_EXPRESSION", "/States/A/Output/x")]
    [InlineData("jsonata-seconds-literal-string", "SCHEMA_VALIDATION_FAILED", "/States/W/Seconds")]
    [InlineData("jsonata-syntax-error", "INVALID_JSONATA_EXPRESSION", "/States/A/Output/sum")]
    public void Check_MalformedExpression_ReportsAtField(string fixture, string code, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, code, location);
    }

    [Fact]
    public void Check_WellFormedExpressionsAndLiterals_ReportNothing()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/all-states-jsonata.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_JsonPathState_IsNotChecked()
    {
        // Arrange
        const string json = """{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"x":"{% not closed"},"End":true}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_TopLevelContextReferences_ReportUnsupportedJsonataExpression()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/jsonata-top-level-reference.asl.json");

        // Assert
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.All(diagnostics, d => Assert.Equal("UNSUPPORTED_JSONATA_EXPRESSION", d.Code));
        var messages = diagnostics.Select(d => $"{d.Location} {d.Message}").ToArray();
        Assert.Equal(
            [
                "/States/B/Output/field Reference to 'phone' at the top level is not supported.",
                "/States/B/Output/context Reference to '$' at the top level is not supported.",
                "/States/B/Output/root Reference to '$$' is not supported.",
                "/States/B/Output/two Reference to 'aaa' at the top level is not supported.",
                "/States/B/Output/two Reference to 'bbb' at the top level is not supported.",
                "/States/B/Output/lambda Reference to 'other' at the top level is not supported.",
            ],
            messages);
    }

    [Fact]
    public void Check_CsvHeaders_AreNotParsedAsExpressions()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/jsonata-csv-headers-not-parsed.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_VariablesFunctionsAndStates_AreNotTopLevelReferences()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/jsonata-variables-in-scope.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("{% $x %}", true)]
    [InlineData("{%%}", true)]
    [InlineData("{% $x", false)]
    [InlineData("$x %}", false)]
    public void IsExpression_Wrapping_IsRecognised(string text, bool expected)
    {
        // Act
        var actual = JsonataRules.IsExpression(text);

        // Assert
        Assert.Equal(expected, actual);
    }
}
