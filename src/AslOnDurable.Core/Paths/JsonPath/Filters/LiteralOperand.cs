using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>A literal: number, string, boolean, null or JSON array/object.</summary>
/// <param name="value">The value (never mutated, never attached).</param>
/// <param name="text">The source text.</param>
internal sealed class LiteralOperand(JsonNode? value, string text) : FilterOperand
{
    /// <inheritdoc/>
    public override string Text => text;

    /// <inheritdoc/>
    public override bool TryResolve(JsonNode? current, JsonPathWalker walker, out JsonNode? value1)
    {
        value1 = value;
        return true;
    }
}
