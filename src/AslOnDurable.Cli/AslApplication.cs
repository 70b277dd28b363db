using System.CommandLine;
using AslOnDurable.Cli.Commands;

namespace AslOnDurable.Cli;

/// <summary>The wiring of the <c>asl</c> command line: one root command and one class per sub-command.</summary>
internal static class AslApplication
{
    /// <summary>
    /// How long a command may take to stop after Ctrl+C, SIGINT or SIGTERM before the process is ended with exit code 130.
    /// System.CommandLine's default (2 s) ended <c>asl serve --storage</c> in the middle of its hand-over (running tasks get
    /// 10 s, the episodes consuming their results 5 s), so a task in flight waited the 5-minute visibility timeout.
    /// </summary>
    internal static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Builds the command tree.</summary>
    /// <param name="stdoutIsRedirected">Whether stdout is not a terminal (the default <c>--format</c> is then json).</param>
    /// <param name="stdin">Standard input (for <c>asl jsonata --jsonl</c>); the console's when null.</param>
    /// <param name="clock">Measures <c>asl run --max-run-seconds</c>; the system clock when null.</param>
    public static RootCommand Build(bool stdoutIsRedirected, TextReader? stdin = null, TimeProvider? clock = null)
    {
        var root = new RootCommand("asl: run and validate Amazon States Language state machines locally.")
        {
            RunCommand.Create(stdoutIsRedirected, clock ?? TimeProvider.System),
            ValidateCommand.Create(stdoutIsRedirected),
            JsonataCommand.Create(stdin ?? Console.In),
            WorkerCommand.Create(),
            SchedulesCommand.Create(stdoutIsRedirected, TimeProvider.System),
            ServeCommand.Create(),
            GraphCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <returns>The exit code: 0 when the command ran (an execution may still have failed), non-zero when the tool could not run it.</returns>
    /// <param name="args">The arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stdoutIsRedirected">Whether stdout is not a terminal.</param>
    /// <param name="stdin">Standard input; the console's when null.</param>
    /// <param name="clock">Measures <c>asl run --max-run-seconds</c>; the system clock when null (tests pass a fake).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsRedirected, TextReader? stdin = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var configuration = new InvocationConfiguration
        {
            Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = StopTimeout,
        };
        // `--input @file` is ours: no response-file expansion of @ tokens.
        var parser = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var parse = Build(stdoutIsRedirected, stdin, clock).Parse(args, parser);
        if (parse.Errors.Count > 0)
        {
            // Like every other bad input: one line and exit 2, not the whole help.
            var command = parse.CommandResult.Command is RootCommand ? "asl" : "asl " + parse.CommandResult.Command.Name;
            var messages = parse.Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal);
            stderr.WriteLine($"error: {OneLine(string.Join("; ", messages))} ('{command} --help' shows the usage)");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(configuration);
        }
#pragma warning disable CA1031 // The one place where anything a command did not foresee becomes one error line instead of a stack trace.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"error: {e.GetType().Name}: {OneLine(e.Message)}");
            return ExitCodes.UsageError;
        }
    }

    /// <summary>Keeps a message to one line of at most 500 characters (a message may echo a huge input).</summary>
    internal static string OneLine(string message)
    {
        var line = message.ReplaceLineEndings(" ");
        return line.Length <= 500 ? line : line[..500] + "…";
    }
}
