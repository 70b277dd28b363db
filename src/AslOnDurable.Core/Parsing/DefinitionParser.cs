using System.Text.Json;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Parsing;

/// <summary>Parses and validates an ASL definition into the immutable model.</summary>
public static class DefinitionParser
{
    private static readonly JsonDocumentOptions DocumentOptions = JsonLimits.DocumentOptions;

    /// <summary>Parses the JSON text of a definition and validates it, reporting every problem.</summary>
    /// <param name="json">The definition text.</param>
    /// <returns>The definition (when valid) and all diagnostics.</returns>
    public static ParseResult Parse(string json)
    {
        var diagnostics = new DiagnosticBag();
        if (string.IsNullOrWhiteSpace(json))
        {
            diagnostics.Error(DiagnosticCodes.MissingDescription, "The definition is empty", "");
            return new ParseResult(null, diagnostics.ToImmutableArray());
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            diagnostics.Error(DiagnosticCodes.InvalidJson, DescribeJsonError(e), "");
            return new ParseResult(null, diagnostics.ToImmutableArray());
        }
        catch (ArgumentException)
        {
            // An unpaired surrogate character in the text itself (an API request's "\ud800" unescaped into the string)
            // cannot be transcoded to UTF-8 for the reader.
            diagnostics.Error(DiagnosticCodes.InvalidJson, "The definition text holds a lone UTF-16 surrogate (half of a surrogate pair): it is not valid Unicode text", "");
            return new ParseResult(null, diagnostics.ToImmutableArray());
        }

        using (document)
        {
            return Parse(document.RootElement, diagnostics);
        }
    }

    /// <summary>Parses an already-read JSON definition and validates it, reporting every problem.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The definition (when valid) and all diagnostics.</returns>
    public static ParseResult Parse(JsonElement definition) => Parse(definition, new DiagnosticBag());

    private static ParseResult Parse(JsonElement root, DiagnosticBag diagnostics)
    {
        if (StrictJson.FindLoneSurrogate(root, "") is { } pointer)
        {
            diagnostics.Error(DiagnosticCodes.InvalidJson, "The definition holds a string with a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape)", pointer);
            return new ParseResult(null, diagnostics.ToImmutableArray());
        }

        var parsed = new StateMachineParser(diagnostics).ParseRoot(root);
        if (parsed is not null)
        {
            DefinitionValidator.Validate(parsed, diagnostics);
        }

        StateMachineDefinition? definition = diagnostics.HasErrors ? null : parsed;
        return new ParseResult(definition, diagnostics.ToImmutableArray());
    }

    private static string DescribeJsonError(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        return e.LineNumber is { } line
            ? $"Invalid JSON at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {message}"
            : $"Invalid JSON: {message}";
    }
}
