namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A function with some arguments fixed and <c>?</c> placeholders left open.</summary>
internal sealed class PartialFunction(Callable target, object?[] boundArgs, bool[] open) : Callable
{
    /// <summary>The underlying function.</summary>
    public Callable Target { get; } = target;

    /// <inheritdoc />
    public override int Arity { get; } = open.Count(o => o);

    /// <summary>Builds the full argument list from the open ones.</summary>
    public object?[] Fill(object?[] args)
    {
        var full = new object?[boundArgs.Length];
        var next = 0;
        for (var i = 0; i < full.Length; i++)
        {
            full[i] = open[i] ? (next < args.Length ? args[next++] : null) : boundArgs[i];
        }

        return full;
    }
}
