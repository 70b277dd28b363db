using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics.Arguments;

/// <summary>A literal: a quoted string, a number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
/// <param name="value">The value (shared: never mutated, never attached).</param>
/// <param name="text">The source text.</param>
/// <param name="rawString">For strings, the text between the quotes with its escapes still in place.</param>
internal sealed class LiteralArgument(JsonNode? value, string text, string? rawString) : IntrinsicArgument
{
    /// <summary>The value (shared: never mutated, never attached).</summary>
    public JsonNode? Value => value;

    /// <summary>For string literals, the text between the quotes with its escapes (<c>\{</c>…) still in place.</summary>
    public string? RawString => rawString;

    /// <inheritdoc/>
    public override string Text => text;

    /// <inheritdoc/>
    public override JsonNode? Evaluate(IntrinsicScope scope) => value;
}
