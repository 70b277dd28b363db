namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// An array value or a sequence. JSONata distinguishes JSON arrays from sequences (results of paths)
/// and flags arrays built by constructors, kept singletons and wrapped inputs.
/// </summary>
internal sealed class JList : List<object?>
{
    private long measure;
    private byte[]? keptText; // see Evaluation.KeptText

    /// <summary>Creates an empty list.</summary>
    public JList()
    {
    }

    /// <summary>Creates an empty list with a capacity.</summary>
    public JList(int capacity)
        : base(capacity)
    {
    }

    /// <summary>Whether this is a sequence rather than a JSON array.</summary>
    public bool IsSequence { get; set; }

    /// <summary>Whether a singleton sequence must stay an array (the <c>[]</c> suffix).</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>Whether the array was built by an array constructor.</summary>
    public bool Cons { get; set; }

    /// <summary>Whether this sequence wraps an input array so it is treated as one value.</summary>
    public bool OuterWrapper { get; set; }

    /// <summary>Whether the items are binding tuples.</summary>
    public bool TupleStream { get; set; }

    /// <summary>Its plain-JSON measure, once measured (see <see cref="PlainJsonMeasure"/>).</summary>
    public PlainJsonMeasure? Measure
    {
        get => PlainJsonMeasure.Load(ref measure);
        set => PlainJsonMeasure.Store(ref measure, value);
    }

    /// <summary>
    /// Whether the list may keep its text (see <see cref="KeptText"/>): a measured plain JSON array (values are never
    /// changed once an evaluation has returned them, and a measured one has been returned), with none of the flags that
    /// change how it is written.
    /// </summary>
    public bool KeepsText => measure != 0 && !IsSequence && !KeepSingleton && !Cons && !OuterWrapper && !TupleStream;

    /// <summary>
    /// The array's compact JSON text as <see cref="NodeTextWriter"/> wrote it, and the depth of its deepest container
    /// below it, kept by <see cref="KeepText"/>; empty when none is kept, it is stale, or the list keeps none (<see cref="KeepsText"/>).
    /// </summary>
    public ReadOnlySpan<byte> KeptText(out int height)
    {
        if (keptText is null || !KeepsText)
        {
            height = 0;
            return default;
        }

        return Evaluation.KeptText.Read(ref keptText, out height);
    }

    /// <summary>Keeps the array's text (see <see cref="KeptText"/>), written while <paramref name="epoch"/> was current.</summary>
    public void KeepText(ReadOnlySpan<byte> text, int height, int epoch) => Evaluation.KeptText.Keep(ref keptText, text, height, epoch);

    /// <summary>Whether a list that keeps texts was written before while none is kept: the first call marks it and answers no.</summary>
    public bool WrittenBefore() => Evaluation.KeptText.WrittenBefore(ref keptText);

    /// <summary>Creates an empty sequence.</summary>
    public static JList Sequence() => new() { IsSequence = true };

    /// <summary>Creates a sequence holding <paramref name="item"/>.</summary>
    public static JList Sequence(object? item)
    {
        var list = new JList(1) { IsSequence = true };
        list.Add(item);
        return list;
    }
}
