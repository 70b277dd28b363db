using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Arguments;

/// <summary>One compiled argument of an intrinsic call: a literal, a path or a nested call. Immutable.</summary>
internal abstract class IntrinsicArgument
{
    /// <summary>The argument's source text.</summary>
    public abstract string Text { get; }

    /// <summary>
    /// Evaluates the argument. The value is borrowed: it may be part of the input or a shared literal, so a
    /// function clones it before attaching it to its result and never mutates it.
    /// </summary>
    /// <param name="scope">The evaluation in progress.</param>
    /// <returns>The value.</returns>
    public abstract JsonNode? Evaluate(IntrinsicScope scope);
}
