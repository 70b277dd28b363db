using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class NumericRangeRulesTests
{
    private readonly NumericRangeRules _rule = new();

    [Theory]
    [InlineData("wait-negative-seconds", "/States/W/Seconds")]
    [InlineData("wait-fractional-seconds", "/States/W/Seconds")]
    [InlineData("task-timeout-zero", "/States/T/TimeoutSeconds")]
    [InlineData("task-heartbeat-not-below-timeout", "/States/T/HeartbeatSeconds")]
    [InlineData("map-negative-max-concurrency", "/States/M/MaxConcurrency")]
    [InlineData("map-tolerated-percentage-over-100", "/States/M/ToleratedFailurePercentage")]
    [InlineData("top-level-timeout-zero", "/TimeoutSeconds")]
    public void Check_OutOfRange_ReportsAtField(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", location);
    }

    [Fact]
    public void Check_JsonataExpressions_AreLeftToRunTime()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/all-states-jsonata.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_FractionalToleratedPercentage_IsAccepted()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/distributed-map.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }
}
