namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>One item of a tuple stream: the context (<c>@</c>) plus focus, index and ancestor bindings.</summary>
internal sealed class BindingTuple : Dictionary<string, object?>
{
    /// <summary>The key of the context value.</summary>
    public const string ContextKey = "@";

    /// <summary>Creates an empty tuple.</summary>
    public BindingTuple()
        : base(StringComparer.Ordinal)
    {
    }

    /// <summary>Creates a copy of <paramref name="other"/>.</summary>
    public BindingTuple(BindingTuple other)
        : base(other, StringComparer.Ordinal)
    {
    }

    /// <summary>The context value.</summary>
    public object? Context => TryGetValue(ContextKey, out var v) ? v : null;
}
