namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>A theory that needs the Bicep CLI: skipped with a clear message when it is not installed (never on CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BicepTheoryAttribute : TheoryAttribute
{
    public BicepTheoryAttribute() => Skip = BicepCli.SkipReason;
}
