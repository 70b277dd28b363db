using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>One side of a comparison: a literal, a path or a regular expression.</summary>
internal abstract class FilterOperand
{
    /// <summary>Resolves the operand for a candidate.</summary>
    /// <param name="current">The candidate (<c>@</c>).</param>
    /// <param name="walker">The walk in progress.</param>
    /// <param name="value">The value (not to be mutated).</param>
    /// <returns><see langword="false"/> when the operand is undefined (a missing path).</returns>
    public abstract bool TryResolve(JsonNode? current, JsonPathWalker walker, out JsonNode? value);

    /// <summary>The operand's text.</summary>
    public abstract string Text { get; }
}
