using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>Reads string fields of integration parameters and configuration.</summary>
internal static class JsonText
{
    /// <summary>The node's text when it is a JSON string.</summary>
    /// <param name="node">The node.</param>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a string.</returns>
    public static bool TryString(JsonNode? node, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        return text is not null;
    }

    /// <summary>Parses text that should hold a JSON object.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The object, or <see langword="null"/> when the text is not JSON or not an object.</returns>
    public static JsonObject? ParseObject(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
