using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class StateNameRulesTests
{
    private readonly StateNameRules _rule = new();

    [Fact]
    public void Check_NameOver80Characters_ReportsInvalidStateName()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/state-name-too-long.asl.json");

        // Assert
        Assert.Equal("INVALID_STATE_NAME", Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Check_NameOf80Characters_IsAccepted()
    {
        // Arrange
        var name = new string('S', 80);
        var json = "{\"StartAt\":\"" + name + "\",\"States\":{\"" + name + "\":{\"Type\":\"Succeed\"}}}";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Check_SameNameInBranch_ReportsDuplicateStateName()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/duplicate-state-name-nested.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "DUPLICATE_STATE_NAME", "/States/A/Branches/0/States/A");
    }

    [Fact]
    public void Check_InvalidMapLabel_IsReported()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/map-invalid-label.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "SCHEMA_VALIDATION_FAILED", "/States/M/Label");
    }

    [Theory]
    [InlineData("Files", true)]
    [InlineData("batch-1_x", true)]
    [InlineData("has space", false)]
    [InlineData("a/b", false)]
    [InlineData("", false)]
    public void IsValidLabel_Characters_FollowAws(string label, bool expected)
    {
        // Act
        var valid = StateNameRules.IsValidLabel(label);

        // Assert
        Assert.Equal(expected, valid);
    }
}
