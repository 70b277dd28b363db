using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The data converter of the self-host's orchestrator and activity shims: every payload they carry is a string (the JSON
/// text of a payload record, see <see cref="DurableJson"/>), stored as a JSON string literal.
/// </summary>
/// <remarks>
/// The Durable Task SDK's default converter serializes through the reflection-based System.Text.Json resolver: its first
/// use in a process builds the default converters by reflection (~100 methods JIT'd in every durable <c>asl run</c>),
/// and its default encoder writes each quote of the JSON text inside as six characters (<c>\u0022</c>). Strings are
/// written here with minimal escaping (<c>\"</c>, non-ASCII kept) and read as any JSON string literal, so histories
/// written by the default converter (or by the Functions host) stay readable. Other types go to the SDK's converter.
/// </remarks>
public sealed class DurablePayloadConverter : DataConverter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Characters that may need escaping in a JSON string: a text without any is written between quotes as it is.
    private static readonly SearchValues<char> Plain = SearchValues.Create(Enumerable.Range(0x20, 0x7F - 0x20).Select(c => (char)c).Where(c => c is not ('"' or '\\')).ToArray());

    /// <summary>Gets the converter (it keeps no state).</summary>
    public static DurablePayloadConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override string? Serialize(object? value) => value switch
    {
        null => null,
        string text => Quote(text),
        _ => JsonDataConverter.Default.Serialize(value),
    };

    /// <inheritdoc/>
    public override object? Deserialize(string? data, Type targetType)
    {
        ArgumentNullException.ThrowIfNull(targetType);
        if (data is null || targetType != typeof(string))
        {
            return data is null ? null : JsonDataConverter.Default.Deserialize(data, targetType);
        }

        if (data.Length >= 2 && data[0] == '"' && data[^1] == '"' && !data.AsSpan(1, data.Length - 2).ContainsAnyExcept(Plain))
        {
            return data[1..^1];
        }

        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(data));
        reader.Read();
        string? text = reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a JSON string payload, found {reader.TokenType}."),
        };
        return reader.Read() ? throw new JsonException("Expected a JSON string payload, found more after it.") : text;
    }

    private static string Quote(string text)
    {
        if (!text.AsSpan().ContainsAnyExcept(Plain))
        {
            return string.Concat("\"", text, "\"");
        }

        ArrayBufferWriter<byte> buffer = new(text.Length + 16);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
