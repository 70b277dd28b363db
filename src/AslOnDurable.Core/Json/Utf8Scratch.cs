using System.Buffers;

namespace AslOnDurable.Core.Json;

/// <summary>
/// One reusable UTF-8 buffer per thread for text that is built synchronously and copied out (a string or an exact-size
/// array), so writing JSON text does not allocate a growing buffer each time. Rent, use without awaiting, return.
/// </summary>
internal static class Utf8Scratch
{
    /// <summary>Buffers larger than this are left to the collector instead of being kept by the thread.</summary>
    private const int MaxKeptBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? kept;

    /// <summary>An empty buffer: the thread's kept one, or a new one while that is rented.</summary>
    public static ArrayBufferWriter<byte> Rent()
    {
        var buffer = kept ?? new ArrayBufferWriter<byte>(4096);
        kept = null;
        buffer.ResetWrittenCount();
        return buffer;
    }

    /// <summary>Gives the buffer back to the thread (unless it grew too large).</summary>
    public static void Return(ArrayBufferWriter<byte> buffer)
    {
        if (buffer.Capacity <= MaxKeptBytes)
        {
            kept = buffer;
        }
    }
}
