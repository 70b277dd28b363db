using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Json;

/// <summary>Writes JSON nodes straight to UTF-8 bytes, without the UTF-16 string <see cref="JsonNode.ToJsonString"/> builds first.</summary>
public static class JsonUtf8
{
    /// <summary>The node's JSON text as UTF-8, written with <paramref name="options"/> (encoder, indentation, depth).</summary>
    /// <param name="node">The node (null writes <c>null</c>).</param>
    /// <param name="options">The serializer options the text follows.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Bytes(JsonNode? node, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var buffer = Utf8Scratch.Rent();
        try
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions(options)))
            {
                Write(writer, node, options);
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Utf8Scratch.Return(buffer);
        }
    }

    /// <summary>Each node's JSON text followed by a line feed (JSON Lines), as UTF-8.</summary>
    /// <param name="nodes">The nodes, one per line.</param>
    /// <param name="options">The serializer options each line follows (not indented).</param>
    /// <returns>The bytes.</returns>
    public static byte[] Lines(IEnumerable<JsonNode?> nodes, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(options);
        var buffer = Utf8Scratch.Rent();
        try
        {
            using var writer = new Utf8JsonWriter(buffer, WriterOptions(options));
            foreach (var node in nodes)
            {
                Write(writer, node, options);
                writer.Flush();
                buffer.Write("\n"u8);
                writer.Reset(buffer);
            }

            return buffer.WrittenSpan.ToArray();
        }
        finally
        {
            Utf8Scratch.Return(buffer);
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonNode? node, JsonSerializerOptions options)
    {
        if (node is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            node.WriteTo(writer, options);
        }
    }

    private static JsonWriterOptions WriterOptions(JsonSerializerOptions options) => new()
    {
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        MaxDepth = options.MaxDepth,
    };
}
