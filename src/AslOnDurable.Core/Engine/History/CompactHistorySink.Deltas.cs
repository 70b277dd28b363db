namespace AslOnDurable.Core.Engine.History;

/// <summary>How <see cref="CompactHistorySink"/> stores a text as its difference from the text before it in its chain.</summary>
public sealed partial class CompactHistorySink
{
    private const int MinAround = 32; // a shorter text before is not searched for in the next

    /// <summary>
    /// A text's difference from the one before it, in one of two forms. Between: the lengths of the prefix and of the
    /// suffix they share, and the bytes between (a state changed a member or added one). Around: the text before whole
    /// inside the new one, and the bytes before and after it (<c>{"keep": $states.input, …}</c> wraps the input). Stored as
    /// a header of two variable-length integers (the head, doubled, plus one for around; the tail), then the bytes.
    /// </summary>
    private readonly struct Delta(int head, int tail, bool around)
    {
        /// <summary>The shared prefix's length, or the length of the bytes before the text before (around).</summary>
        public int Head { get; } = head;

        /// <summary>The shared suffix's length, or the length of the bytes after the text before (around).</summary>
        public int Tail { get; } = tail;

        public bool Around { get; } = around;

        /// <summary>The difference of <paramref name="payload"/> from <paramref name="previous"/> that stores fewer bytes.</summary>
        public static Delta Between(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> payload)
        {
            var prefix = previous.CommonPrefixLength(payload);
            var suffix = CommonSuffixLength(previous[prefix..], payload[prefix..]);
            var between = payload.Length - prefix - suffix;
            var added = payload.Length - previous.Length;
            if (previous.Length >= MinAround && added > 0 && between > added && payload.IndexOf(previous) is var at and >= 0)
            {
                return new(at, added - at, around: true);
            }

            return new(prefix, suffix, around: false);
        }

        /// <summary>The bytes this difference stores for a text of <paramref name="length"/> bytes (header included).</summary>
        public int StoredLength(int length) => HeaderLength + (Around ? Head + Tail : length - Head - Tail);

        private uint First => ((uint)Head << 1) | (Around ? 1u : 0u);

        private int HeaderLength => VarintLength(First) + VarintLength((uint)Tail);

        /// <summary>Writes the header and the stored bytes of <paramref name="payload"/> into <paramref name="target"/>.</summary>
        public void Write(ReadOnlySpan<byte> payload, Span<byte> target)
        {
            var at = 0;
            WriteVarint(target, ref at, First);
            WriteVarint(target, ref at, (uint)Tail);
            if (Around)
            {
                payload[..Head].CopyTo(target[at..]);
                payload[^Tail..].CopyTo(target[(at + Head)..]);
            }
            else
            {
                payload[Head..^Tail].CopyTo(target[at..]);
            }
        }

        /// <summary>The text a stored difference gives applied to <paramref name="last"/>, the text before it.</summary>
        public static byte[] Apply(ReadOnlySpan<byte> last, ReadOnlySpan<byte> stored)
        {
            var at = 0;
            var first = ReadVarint(stored, ref at);
            var tail = (int)ReadVarint(stored, ref at);
            var head = (int)(first >> 1);
            var bytes = stored[at..];
            if ((first & 1) != 0)
            {
                // Around: the bytes before, the text before whole, the bytes after.
                return [.. bytes[..head], .. last, .. bytes[head..]];
            }

            return [.. last[..head], .. bytes, .. last[^tail..]];
        }
    }

    /// <summary>Stores <paramref name="payload"/> as <paramref name="delta"/>; returns the stored length (where it went follows from the order, see <see cref="Placement"/>).</summary>
    private int WriteDelta(Delta delta, ReadOnlySpan<byte> payload)
    {
        var length = delta.StoredLength(payload.Length);
        Reserve(length, out var span);
        delta.Write(payload, span);
        return length;
    }

    private static int CommonSuffixLength(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var max = Math.Min(a.Length, b.Length);
        var n = 0;
        if (System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
        {
            // Successive payloads mostly share a long tail: compared 32 bytes at a time from the end.
            const int Width = 32;
            while (n + Width <= max
                && System.Runtime.Intrinsics.Vector256.Create(a[^(n + Width)..]) == System.Runtime.Intrinsics.Vector256.Create(b[^(n + Width)..]))
            {
                n += Width;
            }
        }

        while (n + sizeof(ulong) <= max
            && System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(a[^(n + sizeof(ulong))..]) == System.Runtime.InteropServices.MemoryMarshal.Read<ulong>(b[^(n + sizeof(ulong))..]))
        {
            n += sizeof(ulong);
        }

        while (n < max && a[^(n + 1)] == b[^(n + 1)])
        {
            n++;
        }

        return n;
    }
}
