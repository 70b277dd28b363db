using System.CommandLine;
using AslOnDurable.Cli.Graph;

namespace AslOnDurable.Cli.Commands;

/// <summary>
/// <c>asl graph &lt;definition&gt; [--format svg|dot|mermaid] [--output FILE]</c>: draws a definition's graph (the web
/// console's graph model) without a browser, for docs and CI. An invalid definition prints its diagnostics (exit 2).
/// </summary>
internal static class GraphCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create()
    {
        var definition = new Argument<string>("definition") { Description = "The state machine definition (ASL JSON file)." };
        var format = new Option<string>("--format")
        {
            Description = "svg (a standalone drawing), dot (Graphviz) or mermaid (a flowchart for Markdown).",
            DefaultValueFactory = _ => "svg",
        };
        format.AcceptOnlyFromAmong("svg", "dot", "mermaid");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output." };
        var command = new Command("graph", "Draw a definition's graph as SVG, Graphviz DOT or Mermaid.") { definition, format, output };
        command.SetAction(parse => Execute(
            parse.GetValue(definition)!, parse.GetValue(format) ?? "svg", parse.GetValue(output),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Execute(string definitionPath, string format, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        var result = CliInputs.ReadDefinition(definitionPath, stderr);
        if (result is null)
        {
            return ExitCodes.UsageError;
        }

        if (result.Definition is not { } parsed || !result.IsValid)
        {
            stderr.WriteLine($"error: {definitionPath} is not a valid definition ('asl validate' lists every problem):");
            CliInputs.WriteDiagnosticSummary(result.Diagnostics, stderr);
            return ExitCodes.UsageError;
        }

        StateGraph graph = StateGraphBuilder.Build(parsed);
        string text = format switch
        {
            "dot" => DotWriter.Write(graph),
            "mermaid" => MermaidWriter.Write(graph),
            _ => SvgWriter.Write(graph),
        };
        if (outputPath is null)
        {
            stdout.Write(text);
            return ExitCodes.Ok;
        }

        try
        {
            File.WriteAllText(outputPath, text);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot write {outputPath}: {e.Message}");
            return ExitCodes.UsageError;
        }

        return ExitCodes.Ok;
    }
}
