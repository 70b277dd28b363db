using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Reads payloads as the durable store holds them. Payloads are JSON text passed as strings, so the store holds a
/// JSON string literal whose value is the payload (<c>"{\"a\":1}"</c>); this unwraps it once.
/// </summary>
/// <remarks>
/// Reads and writes the literal with <see cref="Utf8JsonReader"/>/<see cref="Utf8JsonWriter"/>: the serializer's
/// reflection-based default options cost a one-shot <c>asl run</c> milliseconds of start-up for one string.
/// </remarks>
internal static class SerializedPayload
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the JSON text inside a stored string literal; other stored values come back unchanged.</summary>
    /// <param name="serialized">What the store holds, or <c>null</c>.</param>
    /// <returns>The payload JSON text, or <c>null</c>.</returns>
    public static string? Unwrap(string? serialized)
    {
        if (string.IsNullOrEmpty(serialized) || serialized[0] != '"')
        {
            return serialized;
        }

        try
        {
            Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(serialized));
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                string? value = reader.GetString();
                if (!reader.Read())
                {
                    return value;
                }
            }

            return serialized;
        }
        catch (JsonException)
        {
            return serialized;
        }
    }

    /// <summary>Returns the string literal a client stores for a payload (what <see cref="Unwrap"/> reads back).</summary>
    /// <param name="payload">The payload JSON text.</param>
    /// <returns>The JSON string literal, quotes escaped as <c>\"</c> and non-ASCII kept as is.</returns>
    public static string Wrap(string payload)
    {
        ArrayBufferWriter<byte> buffer = new(payload.Length + 16);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            writer.WriteStringValue(payload);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
