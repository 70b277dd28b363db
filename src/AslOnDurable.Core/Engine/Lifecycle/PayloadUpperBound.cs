using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// A quick upper bound of a payload's size for <see cref="PayloadSizeGuard.Exceeds(JsonNode?, int)"/>: the node written compactly
/// (relaxed escaping) into a counting buffer. <see cref="JsonNode.WriteTo"/> writes a node that the deserializer left
/// backed by its JSON element as that element, without building its dictionary and value nodes, which the exact walk
/// does (task parameters and results are such nodes). The writer never writes fewer bytes than AWS counts: it escapes
/// <c>"</c>, <c>\</c> and control characters as the exact count does and other characters at most more (a
/// <c>\uXXXX</c> escape is longer than the character's UTF-8 bytes), so a bound within the quota proves the payload is.
/// </summary>
internal static class PayloadUpperBound
{
    /// <summary>
    /// The depth a writer may nest to when its text serves as a bound: stricter than the exact walk's depth limit, so a
    /// payload written within it never fails the walk's depth check.
    /// </summary>
    public const int MaxWriteDepth = JsonLimits.MaxDepth - 1;

    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = MaxWriteDepth,
    };

    [ThreadStatic]
    private static Counter? counter;

    /// <summary>The bound in bytes, or <c>null</c> when the node cannot be written this way (then walk it exactly).</summary>
    /// <param name="node">The payload (not null).</param>
    /// <returns>At least the exact size, or <c>null</c>.</returns>
    public static long? Of(JsonNode node)
    {
        var sink = counter ??= new Counter();
        sink.Count = 0;
        try
        {
            sink.Writer.Reset(sink);
            node.WriteTo(sink.Writer);
            sink.Writer.Flush();
            return sink.Count;
        }
        catch (Exception e) when (IsUnwritable(e))
        {
            return null; // too deep for the writer, or a value it cannot write: the exact walk decides
        }
        finally
        {
            sink.Writer.Reset(sink);
        }
    }

    /// <summary>Whether a writer's exception means the node cannot serve as its own bound (too deep, or a value it cannot write).</summary>
    public static bool IsUnwritable(Exception e) => e is InvalidOperationException or NotSupportedException or JsonException or ArgumentException;

    /// <summary>A buffer writer that keeps nothing: it counts what is written into one reused scratch buffer.</summary>
    private sealed class Counter : IBufferWriter<byte>
    {
        private byte[] scratch = new byte[4096];

        public Counter() => Writer = new Utf8JsonWriter(this, Options);

        public Utf8JsonWriter Writer { get; }

        public long Count { get; set; }

        public void Advance(int count) => Count += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Scratch(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => Scratch(sizeHint);

        private byte[] Scratch(int sizeHint)
        {
            if (sizeHint > scratch.Length)
            {
                scratch = new byte[sizeHint];
            }

            return scratch;
        }
    }
}
