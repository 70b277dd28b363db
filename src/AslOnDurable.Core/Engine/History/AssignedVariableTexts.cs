namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// The variables a state assigned, for <see cref="IDirectHistorySink.RecordState"/>: each name with its value as compact
/// JSON text in UTF-8 (the text <see cref="HistoryRecorder.Text(System.Text.Json.Nodes.JsonNode?)"/> gives, as bytes), in
/// assignment order; the texts lie one after another in one buffer the recorder reuses, so they are valid only during the
/// call. <see langword="default"/> holds none.
/// </summary>
public readonly ref struct AssignedVariableTexts
{
    private readonly ReadOnlySpan<string> names;
    private readonly ReadOnlySpan<int> ends;
    private readonly ReadOnlySpan<byte> texts;

    /// <summary>Initializes the variables from their names and their texts laid end to end.</summary>
    /// <param name="names">The names, in assignment order.</param>
    /// <param name="ends">Where each variable's text ends in <paramref name="texts"/> (it starts where the one before ends).</param>
    /// <param name="texts">The texts, compact JSON in UTF-8, one after another.</param>
    public AssignedVariableTexts(ReadOnlySpan<string> names, ReadOnlySpan<int> ends, ReadOnlySpan<byte> texts)
    {
        if (names.Length != ends.Length)
        {
            throw new ArgumentException("One end per name.", nameof(ends));
        }

        this.names = names;
        this.ends = ends;
        this.texts = texts;
    }

    /// <summary>How many variables.</summary>
    public int Count => names.Length;

    /// <summary>The name of variable <paramref name="index"/>.</summary>
    public string Name(int index) => names[index];

    /// <summary>The value of variable <paramref name="index"/> as compact JSON text in UTF-8.</summary>
    public ReadOnlySpan<byte> Text(int index) => texts[(index == 0 ? 0 : ends[index - 1])..ends[index]];

    /// <summary>The variables as names and texts (what <see cref="StateEventDetails.AssignedVariables"/> holds), or <see langword="null"/> for none.</summary>
    public KeyValuePair<string, string>[]? ToStrings()
    {
        if (Count == 0)
        {
            return null;
        }

        var variables = new KeyValuePair<string, string>[Count];
        for (var i = 0; i < variables.Length; i++)
        {
            variables[i] = new(names[i], System.Text.Encoding.UTF8.GetString(Text(i)));
        }

        return variables;
    }
}
