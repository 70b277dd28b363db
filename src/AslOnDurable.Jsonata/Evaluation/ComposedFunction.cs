namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>The composition built by <c>$f ~&gt; $g</c> when both sides are functions.</summary>
internal sealed class ComposedFunction(Callable first, Callable second) : Callable
{
    /// <summary>The function applied first.</summary>
    public Callable First { get; } = first;

    /// <summary>The function applied to the first one's result.</summary>
    public Callable Second { get; } = second;

    /// <inheritdoc />
    public override int Arity => 1;
}
