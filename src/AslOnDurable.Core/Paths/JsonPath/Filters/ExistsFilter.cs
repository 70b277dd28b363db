using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary><c>@.x</c> alone: the path exists (a JSON <c>null</c> value counts as existing, as in Jayway JsonPath).</summary>
/// <param name="path">The path tested.</param>
internal sealed class ExistsFilter(JsonPathExpression path) : FilterExpression
{
    /// <inheritdoc/>
    public override bool Matches(JsonNode? current, JsonPathWalker walker)
    {
        if (!path.TryEvaluateFrom(current, walker.Input, walker.Environment, out var value))
        {
            return false;
        }

        return path.ReturnsSingleValue || value is JsonArray { Count: > 0 };
    }

    /// <inheritdoc/>
    public override void AppendText(StringBuilder builder) => builder.Append(path.Text);
}
