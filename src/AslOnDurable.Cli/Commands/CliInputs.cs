using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Cli.Commands;

/// <summary>Reads what commands take from files and arguments, turning every problem into one clear line.</summary>
internal static class CliInputs
{
    /// <summary>Reads a text file or reports why not.</summary>
    public static bool TryReadFile(string path, string what, TextWriter stderr, out string text)
    {
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"error: cannot read {what} '{path}': {e.Message}");
            text = "";
            return false;
        }
    }

    /// <summary>Parses JSON given inline or as <c>@file</c>.</summary>
    public static bool TryReadJson(string? argument, string what, TextWriter stderr, out JsonNode? value)
    {
        value = null;
        var text = argument ?? "{}";
        if (text.StartsWith('@'))
        {
            if (!TryReadFile(text[1..], what + " file", stderr, out text))
            {
                return false;
            }
        }

        try
        {
            value = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 512 });
            return true;
        }
        catch (JsonException e)
        {
            stderr.WriteLine($"error: the {what} is not valid JSON: {e.Message}");
            return false;
        }
    }

    /// <summary>Parses and validates a definition file, printing diagnostics when it is invalid.</summary>
    public static ParseResult? ReadDefinition(string path, TextWriter stderr)
    {
        if (!TryReadFile(path, "definition file", stderr, out var text))
        {
            return null;
        }

        return DefinitionParser.Parse(text);
    }

    /// <summary>Writes diagnostics one per line: <c>severity CODE location: message</c>.</summary>
    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (var d in diagnostics)
        {
            var severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning";
            writer.WriteLine($"{severity} {d.Code} {(d.Location.Length == 0 ? "/" : d.Location)}: {d.Message}");
        }
    }
}
