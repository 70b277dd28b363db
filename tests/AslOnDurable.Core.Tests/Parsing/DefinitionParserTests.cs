using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Tests.Parsing;

public class DefinitionParserTests
{
    [Fact]
    public void Parse_InvalidJson_ReportsLineAndColumn()
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read("validation/invalid-json.asl.json"));

        // Assert
        Assert.False(result.IsValid);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Contains("line 4, column 27", diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_EmptyText_ReportsMissingDescription(string json)
    {
        // Act
        var result = DefinitionParser.Parse(json);

        // Assert
        Assert.Equal(DiagnosticCodes.MissingDescription, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Parse_ShapeErrorsAndRuleErrors_AreAllReported()
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read("validation/multiple-problems.asl.json"));

        // Assert
        Assert.Null(result.Definition);
        var found = result.Diagnostics.Select(d => (d.Code, d.Location)).ToHashSet();
        Assert.Contains(("SCHEMA_VALIDATION_FAILED", "/States/A/Resource"), found);
        Assert.Contains(("MISSING_TRANSITION_TARGET", "/States/A/Next"), found);
        Assert.Contains(("SCHEMA_VALIDATION_FAILED", "/States/W/Seconds"), found);
        Assert.Contains(("SCHEMA_VALIDATION_FAILED", "/States/T/Retry/0/ErrorEquals"), found);
    }

    [Fact]
    public void Parse_WarningsOnly_IsValid()
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read("validation/pass-result-is-static.asl.json"));

        // Assert
        Assert.True(result.IsValid);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(result.Diagnostics).Severity);
    }

    public static TheoryData<string> ValidFixtures() => [.. DefinitionFixtures.List("parsing")];

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Parse_ValidFixture_HasNoErrors(string fixture)
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read($"parsing/{fixture}"));

        // Assert
        Assert.True(result.IsValid, Validation.Rules.RuleHarness.Describe(result.Diagnostics));
    }

    private static readonly string[] WarningOnlyFixtures =
    [
        "pass-result-is-static.asl.json",
        "no-dollar.asl.json",
        "undefined-variable.asl.json",
        "jsonata-undefined-variable.asl.json",
        "variable-assigned-after-use.asl.json",
        "variable-assigned-in-branch-only.asl.json",
        "task-resource-not-arn.asl.json",
    ];

    public static TheoryData<string> InvalidFixtures() => [.. DefinitionFixtures.List("validation").Except(WarningOnlyFixtures)];

    public static TheoryData<string> WarningFixtures() => [.. WarningOnlyFixtures];

    [Theory]
    [MemberData(nameof(WarningFixtures))]
    public void Parse_WarningOnlyFixture_IsValidWithWarnings(string fixture)
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read($"validation/{fixture}"));

        // Assert
        Assert.True(result.IsValid, Validation.Rules.RuleHarness.Describe(result.Diagnostics));
        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Theory]
    [MemberData(nameof(InvalidFixtures))]
    public void Parse_InvalidFixture_HasErrorsAndNoDefinition(string fixture)
    {
        // Act
        var result = DefinitionParser.Parse(DefinitionFixtures.Read($"validation/{fixture}"));

        // Assert
        Assert.False(result.IsValid);
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Parse_LoneSurrogateInStateName_ReportsInvalidJsonWithPointer()
    {
        var result = DefinitionParser.Parse("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Result\":\"\\ud800\",\"End\":true}}}");

        Assert.Null(result.Definition);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("/States/A/Result", diagnostic.Location);
    }

    [Fact]
    public void Parse_RawLoneSurrogateCharacterInTheText_IsAnInvalidJsonDiagnostic()
    {
        // Regression (fuzzing, issue 14): an unpaired surrogate character (not a \u escape) made the reader throw
        // ArgumentException; an API request's "definition" string can carry one.
        var text = "{\"StartAt\":\"A\ud800\",\"States\":{}}";

        var result = DefinitionParser.Parse(text);

        Assert.Null(result.Definition);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Contains("lone UTF-16 surrogate", diagnostic.Message, StringComparison.Ordinal);
    }
}
