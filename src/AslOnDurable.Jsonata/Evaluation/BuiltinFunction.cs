using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Evaluation;

/// <summary>A native function with an optional signature.</summary>
internal sealed class BuiltinFunction(string name, Signature? signature, BuiltinBody body, int arity) : Callable
{
    /// <summary>The function name (without <c>$</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The implementation.</summary>
    public BuiltinBody Body { get; } = body;

    /// <inheritdoc />
    public override int Arity { get; } = arity;

    /// <inheritdoc />
    public override Signature? Signature { get; } = signature;
}
