using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class TransitionRulesTests
{
    private readonly TransitionRules _rule = new();

    [Theory]
    [InlineData("missing-next-target", "/States/A/Next")]
    [InlineData("missing-startat-target", "/StartAt")]
    [InlineData("missing-default-target", "/States/C/Default")]
    [InlineData("missing-catch-target", "/States/T/Catch/0/Next")]
    public void Check_DanglingTarget_ReportsMissingTransitionTarget(string fixture, string location)
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, $"validation/{fixture}.asl.json");

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "MISSING_TRANSITION_TARGET", location);
        Assert.Equal("Missing 'Next' target: Nope", diagnostic.Message);
    }

    [Fact]
    public void Check_UnreachableState_ReportsItAtTheState()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/unreachable-state.asl.json");

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("MISSING_TRANSITION_TARGET", "/States/B", "State \"B\" is not reachable."), (diagnostic.Code, diagnostic.Location, diagnostic.Message));
    }

    [Fact]
    public void Check_NoTerminalState_ReportsMissingEndStateAndSkipsReachability()
    {
        // Arrange
        const string json = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"},"C":{"Type":"Pass","Next":"A"}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(("MISSING_END_STATE", "Workflow has no terminal state"), (diagnostic.Code, diagnostic.Message));
    }

    [Fact]
    public void Check_BranchTargetOutsideBranch_IsMissing()
    {
        // Arrange
        const string json = """{"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Pass","Next":"Done"}}}],"Next":"Done"},"Done":{"Type":"Succeed"}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        RuleHarness.Single(diagnostics, "MISSING_TRANSITION_TARGET", "/States/P/Branches/0/States/B/Next");
        RuleHarness.Single(diagnostics, "MISSING_END_STATE", "/States/P/Branches/0");
    }

    [Fact]
    public void Check_ChoiceAndCatchTargets_CountForReachability()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "parsing/all-states-jsonpath.asl.json");

        // Assert
        Assert.Empty(diagnostics);
    }
}
