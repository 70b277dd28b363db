namespace AslOnDurable.Jsonata.Functions;

/// <summary>A fixed-size argument list filled in order while validating a call.</summary>
internal sealed class ValidatedArguments(int count)
{
    private int next;

    /// <summary>The arguments.</summary>
    public object?[] Items { get; } = new object?[count];

    /// <summary>Appends the next argument.</summary>
    public void Add(object? value) => Items[next++] = value;
}
