using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>A compiled filter predicate (the body of <c>[?( … )]</c>). Immutable.</summary>
internal abstract class FilterExpression
{
    /// <summary>Tests one candidate node.</summary>
    /// <param name="current">The candidate (<c>@</c>).</param>
    /// <param name="walker">The walk in progress (gives <c>$</c>, <c>$$</c> and variables).</param>
    /// <returns>Whether the candidate matches.</returns>
    public abstract bool Matches(JsonNode? current, JsonPathWalker walker);

    /// <summary>Appends the expression's text.</summary>
    /// <param name="builder">The target.</param>
    public abstract void AppendText(StringBuilder builder);
}
