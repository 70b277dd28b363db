namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>A fact that needs Azurite: skipped with a clear message when it is not installed (never on CI).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        if (!AzuriteLocator.MustRun && AzuriteLocator.Find() is null)
        {
            Skip = AzuriteLocator.InstallHint;
        }
    }
}
