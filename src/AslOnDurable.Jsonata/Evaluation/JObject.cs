namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A JSON object value: string keys in insertion order.</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    /// <summary>Creates an empty object.</summary>
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates an empty object with a capacity.</summary>
    public JObject(int capacity)
        : base(capacity, StringComparer.Ordinal)
    {
    }

    /// <summary>Its plain-JSON measure, once measured (see <see cref="PlainJsonMeasure"/>).</summary>
    public PlainJsonMeasure? Measure { get; set; }
}
