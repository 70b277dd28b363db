namespace AslOnDurable.Cli.Tests;

/// <summary>Runs the CLI in process and captures its streams.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Stdout, string Stderr) Invoke(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = AslApplication.Run(args, stdout, stderr, stdoutIsRedirected: true);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
