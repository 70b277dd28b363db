namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>A fact that needs the Bicep CLI: skipped with a clear message when it is not installed (never on CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BicepFactAttribute : FactAttribute
{
    public BicepFactAttribute() => Skip = BicepCli.SkipReason;
}
