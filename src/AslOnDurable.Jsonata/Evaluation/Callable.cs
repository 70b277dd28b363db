using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A function value: a lambda, a built-in, a partial application, a composition or a regex.</summary>
internal abstract class Callable
{
    /// <summary>The number of arguments the function declares (used by higher-order functions).</summary>
    public abstract int Arity { get; }

    /// <summary>The signature validating arguments, if any.</summary>
    public virtual Signature? Signature => null;
}
