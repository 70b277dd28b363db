namespace AslOnDurable.Runtime.Tests.Storage;

/// <summary>Finds the azurite executable: $AZURITE_PATH, then the repo's .ci/node_modules, then PATH.</summary>
internal static class AzuriteLocator
{
    public const string InstallHint =
        "Azurite is not installed: run `bash .ci/install-tools.sh` (installs it into .ci/node_modules), "
        + "`npm install -g azurite`, or set AZURITE_PATH.";

    public static string? Find()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("AZURITE_PATH");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AslOnDurable.sln")))
            {
                string local = Path.Combine(dir.FullName, ".ci", "node_modules", ".bin", "azurite");
                if (File.Exists(local))
                {
                    return local;
                }

                break;
            }
        }

        foreach (string entry in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(entry, "azurite");
            if (entry.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>On CI a missing Azurite is an install bug, so tests fail rather than skip.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
}
