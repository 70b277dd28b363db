using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary><c>a &amp;&amp; b</c> or <c>a || b</c>, short-circuiting.</summary>
/// <param name="left">The left operand.</param>
/// <param name="right">The right operand.</param>
/// <param name="isAnd"><see langword="true"/> for <c>&amp;&amp;</c>, <see langword="false"/> for <c>||</c>.</param>
internal sealed class LogicalFilter(FilterExpression left, FilterExpression right, bool isAnd) : FilterExpression
{
    /// <inheritdoc/>
    public override bool Matches(JsonNode? current, JsonPathWalker walker) =>
        isAnd
            ? left.Matches(current, walker) && right.Matches(current, walker)
            : left.Matches(current, walker) || right.Matches(current, walker);

    /// <inheritdoc/>
    public override void AppendText(StringBuilder builder)
    {
        builder.Append('(');
        left.AppendText(builder);
        builder.Append(isAnd ? " && " : " || ");
        right.AppendText(builder);
        builder.Append(')');
    }
}
