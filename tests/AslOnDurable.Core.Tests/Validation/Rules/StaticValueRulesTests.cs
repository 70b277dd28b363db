using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Tests.Validation.Rules;

public class StaticValueRulesTests
{
    private readonly StaticValueRules _rule = new();

    [Fact]
    public void Check_PathInPassResult_WarnsPassResultIsStatic()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/pass-result-is-static.asl.json");

        // Assert
        var diagnostic = RuleHarness.Single(diagnostics, "PASS_RESULT_IS_STATIC", "/States/A/Result/x.$");
        Assert.Equal(Core.Validation.DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void Check_PathValueWithoutDollarKey_WarnsNoDollar()
    {
        // Act
        var diagnostics = RuleHarness.CheckFixture(_rule, "validation/no-dollar.asl.json");

        // Assert
        RuleHarness.Single(diagnostics, "NO_DOLLAR", "/States/A/Parameters/x");
    }

    [Fact]
    public void Check_PathLikeFailError_WarnsNoPath()
    {
        // Arrange
        const string json = """{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"$.error"}}}""";

        // Act
        var diagnostics = RuleHarness.Check(_rule, json);

        // Assert
        RuleHarness.Single(diagnostics, "NO_PATH", "/States/F/Error");
    }
}
