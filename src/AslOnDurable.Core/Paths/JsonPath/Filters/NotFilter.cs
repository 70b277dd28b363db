using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary><c>!a</c>.</summary>
/// <param name="operand">The negated expression.</param>
internal sealed class NotFilter(FilterExpression operand) : FilterExpression
{
    /// <inheritdoc/>
    public override bool Matches(JsonNode? current, JsonPathWalker walker) => !operand.Matches(current, walker);

    /// <inheritdoc/>
    public override void AppendText(StringBuilder builder)
    {
        builder.Append('!');
        operand.AppendText(builder);
    }
}
