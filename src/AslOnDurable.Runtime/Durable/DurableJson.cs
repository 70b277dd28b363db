using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The one frozen set of serializer options for payload records in durable history (conventions rule 9).
/// Payloads cross the Durable boundary as JSON text (a <see cref="string"/>), so the Functions client
/// (System.Text.Json) and DurableTask.Core's client (Newtonsoft) store the same bytes.
/// </summary>
/// <remarks>
/// Records are written with minimal escaping (<c>\"</c>, not <c>\u0022</c>; non-ASCII kept as is): the definition
/// text travels inside <see cref="StateMachineInput"/> as a JSON string, and with the default encoder every quote in
/// it became six characters that every orchestrator episode unescaped again (for a 100-state definition the input
/// shrank from 18 to 12.6 KB and its per-episode decoding roughly halved). Readers accept either form, so histories
/// written before stay readable.
/// </remarks>
public static class DurableJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Gets the frozen options (web defaults: camelCase, nulls omitted).</summary>
    public static JsonSerializerOptions Options => DurableJsonContext.Default.Options;

    /// <summary>Serializes a payload record to JSON text.</summary>
    /// <typeparam name="T">A record registered in the payload context.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize<T>(T value)
    {
        ArrayBufferWriter<byte> buffer = new(256);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, TypeInfo<T>());
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Deserializes a payload record from JSON text.</summary>
    /// <typeparam name="T">A record registered in the payload context.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The text is not a <typeparamref name="T"/> (or is <c>null</c>).</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo<T>())
        ?? throw new JsonException($"Expected a {typeof(T).Name} payload, found null.");

    private static JsonTypeInfo<T> TypeInfo<T>() => TypeInfoOf<T>.Value;

    // Looked up once per type: JsonSerializerContext.GetTypeInfo(Type) validates the type on every call, which showed
    // in every orchestrator episode's profile.
    private static class TypeInfoOf<T>
    {
        public static readonly JsonTypeInfo<T> Value =
            (JsonTypeInfo<T>?)DurableJsonContext.Default.GetTypeInfo(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(DurableJsonContext)}.");
    }
}
