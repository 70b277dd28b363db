using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Json;

/// <summary>
/// Reads JSON that comes from outside (execution input, <c>States.StringToJson</c>, nested execution input) the same
/// way in every mode: at most <see cref="JsonLimits.MaxDepth"/> levels, unique property names, and no lone UTF-16
/// surrogate in any string or name.
/// </summary>
/// <remarks>
/// AWS documents neither duplicate names nor lone surrogates; both are refused here as I-JSON (RFC 7493) refuses
/// them, so no value that cannot be written back as UTF-8 text ever enters an execution.
/// </remarks>
public static class StrictJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonLimits.MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="text"/>; <see langword="null"/> for the JSON literal null.</summary>
    /// <exception cref="JsonException">The text is not JSON, nests too deep, repeats a name or holds a lone surrogate.</exception>
    public static JsonNode? Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var document = ParseDocument(text);
        if (FindLoneSurrogate(document.RootElement, "") is { } pointer)
        {
            throw new JsonException($"The string at '{(pointer.Length == 0 ? "/" : pointer)}' holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape).");
        }

        return JsonNode.Parse(text, documentOptions: Options);
    }

    private static JsonDocument ParseDocument(string text)
    {
        try
        {
            return JsonDocument.Parse(text, Options);
        }
        catch (InvalidOperationException e)
        {
            // The duplicate-name check reads every property name: a lone surrogate in one fails there.
            throw new JsonException("A property name holds a lone UTF-16 surrogate (an unpaired \\uD800-\\uDFFF escape).", e);
        }
        catch (ArgumentException e)
        {
            // An unpaired surrogate character in the text itself (an API request's "\\ud800" unescaped into the input
            // string) cannot be transcoded to UTF-8 for the reader.
            throw new JsonException("The text holds a lone UTF-16 surrogate character (half of a surrogate pair): it is not valid Unicode text.", e);
        }
    }

    /// <summary>The JSON Pointer of the first string or property name holding a lone surrogate, or null when none does.</summary>
    public static string? FindLoneSurrogate(JsonElement element, string pointer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return IsReadable(element) ? null : pointer;
            case JsonValueKind.Array:
                {
                    var i = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        if (FindLoneSurrogate(item, pointer + "/" + i++) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                }

            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    string name;
                    try
                    {
                        name = property.Name;
                    }
                    catch (InvalidOperationException)
                    {
                        return pointer + "/?";
                    }

                    if (FindLoneSurrogate(property.Value, pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The JSON Pointer of the first string or property name in a built value (a JSONata result) holding a lone
    /// surrogate, or null when none does.
    /// </summary>
    /// <param name="node">The value.</param>
    /// <returns>The pointer (<c>""</c> for the value itself), or null.</returns>
    public static string? FindLoneSurrogate(JsonNode? node) => FindLoneSurrogate(node, "");

    /// <summary>Whether a string is well-formed UTF-16: every surrogate is half of a pair.</summary>
    /// <param name="text">The string.</param>
    /// <returns><see langword="true"/> when no surrogate stands alone.</returns>
    public static bool IsWellFormed(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var i = span.IndexOfAnyInRange('\uD800', '\uDFFF');
        while (i >= 0 && i < span.Length)
        {
            if (!char.IsHighSurrogate(span[i]) || i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
            {
                return false;
            }

            var next = span[(i + 2)..].IndexOfAnyInRange('\uD800', '\uDFFF');
            i = next < 0 ? -1 : i + 2 + next;
        }

        return true;
    }

    private static string? FindLoneSurrogate(JsonNode? node, string pointer)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    var child = pointer + "/" + name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (!IsWellFormed(name))
                    {
                        return child;
                    }

                    if (FindLoneSurrogate(value, child) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (FindLoneSurrogate(array[i], pointer + "/" + i) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                return IsWellFormed(value.GetValue<string>()) ? null : pointer;
            default:
                return null;
        }
    }

    private static bool IsReadable(JsonElement element)
    {
        try
        {
            _ = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
