using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.InteropServices;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Paths;

/// <summary>
/// Renders JSON as AWS's Java (Jackson) code does: compact, keys in order, and non-integer numbers as Java doubles
/// (<c>1.10</c> → <c>1.1</c>, <c>1e2</c> → <c>100.0</c>). Used where AWS prints JSON into a string.
/// </summary>
internal static class JavaJsonText
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = true,
        MaxDepth = JsonLimits.MaxDepth,
    };

    /// <summary>The compact JSON text of a node with Java number formatting.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The text.</returns>
    /// <remarks>
    /// The node is first written as it is (a parsed node straight from its JSON element, without building its property
    /// and value nodes); only when that text holds a number Java prints differently (a fraction, an exponent, <c>-0</c>)
    /// is it written again number by number.
    /// </remarks>
    public static string Compact(JsonNode? node)
    {
        var buffer = Utf8Scratch.Rent();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                if (node is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    node.WriteTo(writer);
                }
            }

            if (HasNonIntegerNumber(buffer.WrittenSpan))
            {
                buffer.ResetWrittenCount();
                using var writer = new Utf8JsonWriter(buffer, WriterOptions);
                Write(node, writer);
                writer.Flush();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        finally
        {
            Utf8Scratch.Return(buffer);
        }
    }

    /// <summary>Whether the JSON text holds a number that is not a plain integer (or is <c>-0</c>).</summary>
    private static bool HasNonIntegerNumber(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = JsonLimits.MaxDepth + 1 });
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.Number
                && (reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0 || reader.ValueSpan.SequenceEqual("-0"u8)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a number's JSON text is a plain integer (no fraction or exponent).</summary>
    /// <param name="text">The number's JSON text.</param>
    /// <returns><see langword="true"/> for integers such as <c>-12</c>.</returns>
    public static bool IsIntegerToken(string text) => text.AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>A number's text as Java prints it: integers as written, other numbers as Java doubles.</summary>
    /// <param name="value">A JSON number.</param>
    /// <returns>The text.</returns>
    public static string NumberText(JsonValue value)
    {
        var raw = value.ToJsonString(JsonLimits.SerializerOptions);
        if (IsIntegerToken(raw))
        {
            return raw == "-0" ? "0" : raw;
        }

        return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)
            ? JavaDoubleText.Format(d)
            : raw;
    }

    private static void Write(JsonNode? node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var property in obj)
                {
                    writer.WritePropertyName(property.Key);
                    Write(property.Value, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(item, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number
                && JsonMarshal.GetRawUtf8Value(element) is var raw && raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0 && !raw.SequenceEqual("-0"u8):
                // A parsed integer is written as it was read, without a string in between.
                writer.WriteRawValue(raw, skipInputValidation: true);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                writer.WriteRawValue(NumberText(value), skipInputValidation: true);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
