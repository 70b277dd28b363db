using System.Diagnostics;

namespace AslOnDurable.Functions.Tests.Infrastructure;

/// <summary>Finds and runs the Bicep CLI: $BICEP, then the repository's .ci/bin/bicep, then PATH.</summary>
internal static class BicepCli
{
    public const string InstallHint =
        "The Bicep CLI is not installed: run `bash .ci/install-tools.sh` (installs it into .ci/bin), or set BICEP.";

    /// <summary>On CI a missing Bicep CLI is an install bug, so tests fail rather than skip.</summary>
    public static bool MustRun => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a test that needs the CLI is skipped: the install hint when it is missing outside CI, else null.</summary>
    public static string? SkipReason => !MustRun && Find() is null ? InstallHint : null;

    /// <summary>The repository root (the folder holding AslOnDurable.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The infra-bicep folder.</summary>
    public static string InfraDirectory => Path.Combine(RepoRoot, "infra-bicep");

    public static string? Find()
    {
        string? fromEnv = Environment.GetEnvironmentVariable("BICEP");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return File.Exists(fromEnv) ? fromEnv : null;
        }

        string local = Path.Combine(RepoRoot, ".ci", "bin", "bicep");
        if (File.Exists(local))
        {
            return local;
        }

        foreach (string entry in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            string candidate = Path.Combine(entry, "bicep");
            if (entry.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Runs bicep with the arguments in the working directory; throws with its output when it fails.</summary>
    public static string Run(string workingDirectory, params string[] arguments)
    {
        string bicep = Find() ?? throw new InvalidOperationException(InstallHint);
        ProcessStartInfo start = new(bicep)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {bicep}.");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string errors = stderr.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{stdout}\n{errors}");
        }

        return stdout;
    }

    private static string FindRepoRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AslOnDurable.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No AslOnDurable.sln above {AppContext.BaseDirectory}.");
    }
}
