namespace AslOnDurable.Cli.Tests;

/// <summary>Runs the CLI in process and captures its streams.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Stdout, string Stderr) Invoke(params string[] args) => InvokeWithStdin("", args);

    public static (int ExitCode, string Stdout, string Stderr) InvokeWithStdin(string stdinText, params string[] args) => InvokeWith(stdinText, null, args);

    public static (int ExitCode, string Stdout, string Stderr) InvokeWithClock(TimeProvider clock, params string[] args) => InvokeWith("", clock, args);

    private static (int ExitCode, string Stdout, string Stderr) InvokeWith(string stdinText, TimeProvider? clock, string[] args)
    {
        using var stdin = new StringReader(stdinText);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = AslApplication.Run(args, stdout, stderr, stdoutIsRedirected: true, stdin, clock);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
