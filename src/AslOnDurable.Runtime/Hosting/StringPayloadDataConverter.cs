using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DurableTask.Core.Serializing;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// The self-host client's data converter: our payloads are JSON text already (<see cref="Durable.DurableJson"/>), so a
/// string input becomes a JSON string literal through System.Text.Json, which the run loads anyway. DurableTask.Core's
/// default (<see cref="JsonDataConverter"/>, Newtonsoft) gives the same JSON value but costs a cold <c>asl run</c> the
/// loading and JIT of Newtonsoft for this one call; any other type still goes through it.
/// </summary>
internal sealed class StringPayloadDataConverter : DataConverter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The one instance (stateless).</summary>
    public static StringPayloadDataConverter Instance { get; } = new();

    /// <inheritdoc/>
    public override string Serialize(object value) => Serialize(value, false);

    /// <inheritdoc/>
    public override string Serialize(object value, bool formatted)
    {
        if (value is not string text)
        {
            return JsonDataConverter.Default.Serialize(value, formatted);
        }

        ArrayBufferWriter<byte> buffer = new(text.Length + 16);
        using (Utf8JsonWriter writer = new(buffer, WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <inheritdoc/>
    public override object Deserialize(string data, Type objectType)
    {
        if (objectType != typeof(string) || data is null)
        {
            return JsonDataConverter.Default.Deserialize(data, objectType);
        }

        Utf8JsonReader reader = new(Encoding.UTF8.GetBytes(data));
        return reader.Read() && reader.TokenType == JsonTokenType.String
            ? reader.GetString()!
            : JsonDataConverter.Default.Deserialize(data, objectType);
    }
}
