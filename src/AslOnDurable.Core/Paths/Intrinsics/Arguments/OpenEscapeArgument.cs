using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Paths.Intrinsics.Arguments;

/// <summary>
/// A string literal with an open escape (a backslash not followed by <c>'</c>, <c>{</c>, <c>}</c> or <c>\</c>).
/// AWS documents that the interpreter throws a runtime error for it, so it parses but fails when evaluated.
/// </summary>
/// <param name="text">The literal's source text.</param>
internal sealed class OpenEscapeArgument(string text) : IntrinsicArgument
{
    /// <inheritdoc/>
    public override string Text => text;

    /// <inheritdoc/>
    public override JsonNode? Evaluate(IntrinsicScope scope) =>
        throw new AslErrorException(
            StatesErrorNames.Runtime,
            $"The string literal {text} contains an open escape backslash: only \\', \\{{, \\}} and \\\\ are allowed.");
}
