namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// What <see cref="ValueConverter.TryMeasurePlainJson"/> found for one object or array, kept on it so measuring a value
/// built from it again (<c>$merge([$data, {…}])</c> shares <c>$data</c>'s members) skips it: evaluator values are never
/// changed once an evaluation has returned them, and a measure, once set, is the same for every reader.
/// </summary>
/// <remarks>
/// Packed into one <see langword="long"/> (size, height, well-formedness, and a bit that tells a measure from none), so
/// an object or array keeps it in one field written and read atomically (<see cref="Store"/>, <see cref="Load"/>),
/// with no allocation per measured value.
/// </remarks>
internal readonly struct PlainJsonMeasure
{
    private const int HeightShift = 2;
    private const int SizeShift = 24;
    private const long HeightMask = (1L << (SizeShift - HeightShift)) - 1;

    private readonly long bits;

    /// <param name="size">The UTF-8 size of its compact JSON text.</param>
    /// <param name="height">How many levels of objects and arrays it holds below itself (0 when it holds only scalars).</param>
    /// <param name="wellFormed">Whether all its text is well-formed UTF-16.</param>
    public PlainJsonMeasure(long size, int height, bool wellFormed)
    {
        // The height stays below JsonataLimits.MaxValueDepth and the size below what memory can hold: both fit.
        bits = (size << SizeShift) | ((height & HeightMask) << HeightShift) | (wellFormed ? 2L : 0L) | 1L;
    }

    private PlainJsonMeasure(long bits, bool _)
    {
        this.bits = bits;
    }

    /// <summary>The UTF-8 size of its compact JSON text.</summary>
    public long Size => (long)((ulong)bits >> SizeShift);

    /// <summary>How many levels of objects and arrays it holds below itself (0 when it holds only scalars).</summary>
    public int Height => (int)((bits >> HeightShift) & HeightMask);

    /// <summary>Whether all its text is well-formed UTF-16.</summary>
    public bool WellFormed => (bits & 2L) != 0;

    /// <summary>The measure kept in <paramref name="field"/>, or <see langword="null"/> when none was stored.</summary>
    public static PlainJsonMeasure? Load(ref long field) => Volatile.Read(ref field) is var bits and not 0 ? new PlainJsonMeasure(bits, false) : null;

    /// <summary>Keeps <paramref name="measure"/> in <paramref name="field"/> (or forgets it, for <see langword="null"/>).</summary>
    public static void Store(ref long field, PlainJsonMeasure? measure) => Volatile.Write(ref field, measure?.bits ?? 0);
}
