using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Filters;

/// <summary>A path operand: <c>@…</c>, <c>$…</c>, <c>$$…</c> or <c>$var…</c>.</summary>
/// <param name="path">The path.</param>
internal sealed class PathOperand(JsonPathExpression path) : FilterOperand
{
    /// <summary>The path.</summary>
    public JsonPathExpression Path => path;

    /// <inheritdoc/>
    public override string Text => path.Text;

    /// <inheritdoc/>
    public override bool TryResolve(JsonNode? current, JsonPathWalker walker, out JsonNode? value) =>
        path.TryEvaluateFrom(current, walker.Input, walker.Environment, out value);
}
