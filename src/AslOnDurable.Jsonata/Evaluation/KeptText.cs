namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// The compact JSON text an object or array keeps once it has been written twice (see
/// <see cref="NodeTextWriter.WriteKeepingTexts(System.Text.Json.Utf8JsonWriter, System.Buffers.ArrayBufferWriter{byte}, object?)"/>),
/// in one field of the value: <see langword="null"/> (never written), a marker (written once), or the text after its
/// height (2 bytes) and the in-place change count it was written at (4 bytes). A text written before an in-place change
/// (<see cref="ChangedInPlace"/>) is stale: a value inside it may have changed.
/// </summary>
internal static class KeptText
{
    private const int Header = 6;

    /// <summary>Marks a value written once while no text is kept (see <see cref="WrittenBefore"/>).</summary>
    private static readonly byte[] WrittenOnce = new byte[1];

    /// <summary>
    /// Counts in-place changes of objects others may hold (<c>$transform</c> through a <c>$clone</c> that does not copy):
    /// a text stamped with an earlier count is not used.
    /// </summary>
    private static int epoch;

    /// <summary>The current count of in-place changes, read before writing a text to keep.</summary>
    public static int Epoch => Volatile.Read(ref epoch);

    /// <summary>An object others may hold was changed in place: every text kept before is stale.</summary>
    public static void ChangedInPlace() => Interlocked.Increment(ref epoch);

    /// <summary>The kept text and the depth of its deepest container below it (0: none); empty when none is kept or it is stale.</summary>
    public static ReadOnlySpan<byte> Read(ref byte[]? field, out int height)
    {
        var kept = Volatile.Read(ref field);
        if (kept is not { Length: > Header } || BitConverter.ToInt32(kept, 2) != Epoch)
        {
            height = 0;
            return default;
        }

        height = kept[0] | (kept[1] << 8);
        return kept.AsSpan(Header);
    }

    /// <summary>Keeps <paramref name="text"/>, written while <paramref name="writtenAt"/> was the in-place change count.</summary>
    public static void Keep(ref byte[]? field, ReadOnlySpan<byte> text, int height, int writtenAt)
    {
        var kept = new byte[text.Length + Header];
        kept[0] = (byte)height;
        kept[1] = (byte)(height >> 8);
        BitConverter.TryWriteBytes(kept.AsSpan(2), writtenAt);
        text.CopyTo(kept.AsSpan(Header));
        Volatile.Write(ref field, kept);
    }

    /// <summary>
    /// Whether the value was written before while no text is kept (or a stale one is): the first call marks it and
    /// answers no, later ones yes.
    /// </summary>
    public static bool WrittenBefore(ref byte[]? field)
    {
        if (field is null)
        {
            field = WrittenOnce;
            return false;
        }

        return true;
    }
}
