using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class ErrorHandlingRulesTests
{
    private readonly ErrorHandlingRules _rule = new();

    [Fact]
    public void Check_StatesAllWithOtherErrors_IsReported()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/states-all-not-alone.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", "/States/T/Retry/0/ErrorEquals");
    }

    [Fact]
    public void Check_StatesAllCatcherNotLast_IsReported()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/states-all-not-last.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", "/States/T/Catch/0");
    }

    [Fact]
    public void Check_RetrierOutOfRange_ReportsEachField()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/retry-field-ranges.asl.json");

        // Assert
        Assert.Equal(4, diagnostics.Length);
        foreach (var field in new[] { "MaxAttempts", "IntervalSeconds", "BackoffRate", "MaxDelaySeconds" })
        {
            RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", "/States/T/Retry/0/" + field);
        }
    }

    [Fact]
    public void Check_ValidRetryAndCatch_ReportsNothing()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/all-states-jsonpath.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }
}
