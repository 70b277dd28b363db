using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class TimestampRulesTests
{
    private readonly TimestampRules _rule = new();

    [Theory]
    [InlineData("wait-invalid-timestamp", "/States/W/Timestamp")]
    [InlineData("choice-invalid-timestamp", "/States/C/Choices/0/Not/TimestampEquals")]
    public void Check_MalformedLiteral_ReportsAtField(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", location);
    }

    [Theory]
    [InlineData("2016-03-14T01:59:00Z", true)]
    [InlineData("2016-03-14T01:59:00.123+02:00", true)]
    [InlineData("2016-03-14t01:59:00z", false)]
    [InlineData("2016-03-14 01:59:00Z", false)]
    [InlineData("2016-02-30T01:59:00Z", false)]
    [InlineData("2016-03-14T01:59:00", false)]
    public void IsValid_Rfc3339Profile_MatchesAws(string text, bool expected)
    {
        // Act
        var valid = TimestampRules.IsValid(text);

        // Assert
        Assert.Equal(expected, valid);
    }

    [Fact]
    public void Check_JsonataTimestampExpression_IsNotChecked()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/all-states-jsonata.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }
}
