using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// Measures payloads against the quota (AWS: 256 KiB of UTF-8). Serializes into a counting buffer, so no output
/// is kept; the engine measures only where data can grow without bound: the execution input, task results, Map
/// and Parallel results and the final output (Pass/Choice chains are not measured, to keep them cheap).
/// </summary>
public static class PayloadSizeGuard
{
    /// <summary>Whether the serialized node exceeds <paramref name="limit"/> bytes.</summary>
    /// <param name="node">The payload.</param>
    /// <param name="limit">The quota in bytes.</param>
    /// <returns>Whether it is too large.</returns>
    public static bool Exceeds(JsonNode? node, int limit) => node is not null && Size(node) > limit;

    /// <summary>The UTF-8 size of the serialized node.</summary>
    /// <param name="node">The payload.</param>
    /// <returns>The size in bytes.</returns>
    public static long Size(JsonNode? node)
    {
        var counter = new CountingBufferWriter();
        using (var writer = new Utf8JsonWriter(counter))
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

        return counter.Count;
    }

    private sealed class CountingBufferWriter : IBufferWriter<byte>
    {
        private byte[] buffer = new byte[4096];

        public long Count { get; private set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Buffer(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Buffer(sizeHint);

        private byte[] Buffer(int sizeHint)
        {
            if (sizeHint > buffer.Length)
            {
                buffer = new byte[sizeHint];
            }

            return buffer;
        }
    }
}
