namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>
/// An array value or a sequence. JSONata distinguishes JSON arrays from sequences (results of paths)
/// and flags arrays built by constructors, kept singletons and wrapped inputs.
/// </summary>
internal sealed class JList : List<object?>
{
    private long measure;

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
