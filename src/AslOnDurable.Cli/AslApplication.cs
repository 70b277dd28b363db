using System.CommandLine;
using AslOnDurable.Cli.Commands;

namespace AslOnDurable.Cli;

/// <summary>The wiring of the <c>asl</c> command line: one root command and one class per sub-command.</summary>
internal static class AslApplication
{
    /// <summary>Builds the command tree.</summary>
    /// <param name="stdoutIsRedirected">Whether stdout is not a terminal (the default <c>--format</c> is then json).</param>
    /// <param name="stdin">Standard input (for <c>asl jsonata --jsonl</c>); the console's when null.</param>
    public static RootCommand Build(bool stdoutIsRedirected, TextReader? stdin = null)
    {
        var root = new RootCommand("asl: run and validate Amazon States Language state machines locally.")
        {
            RunCommand.Create(stdoutIsRedirected),
            ValidateCommand.Create(stdoutIsRedirected),
            JsonataCommand.Create(stdin ?? Console.In),
            WorkerCommand.Create(),
            ServeCommand.Create(),
        };
        return root;
    }

    /// <summary>Parses and runs a command line.</summary>
    /// <returns>The exit code: 0 when the command ran (an execution may still have failed), non-zero when the tool could not run it.</returns>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, bool stdoutIsRedirected, TextReader? stdin = null)
    {
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        // `--input @file` is ours: no response-file expansion of @ tokens.
        var parser = new ParserConfiguration { ResponseFileTokenReplacer = null };
        return Build(stdoutIsRedirected, stdin).Parse(args, parser).Invoke(configuration);
    }
}
