using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>.name</c> or <c>['name']</c>: one object member.</summary>
/// <param name="name">The member name.</param>
internal sealed class PropertySegment(string name) : JsonPathSegment
{
    /// <summary>The member name.</summary>
    public string Name => name;

    /// <inheritdoc/>
    public override bool IsDefinite => true;

    /// <inheritdoc/>
    public override bool TryStep(JsonNode? current, out JsonNode? next)
    {
        if (current is JsonObject obj && obj.TryGetPropertyValue(name, out next))
        {
            return true;
        }

        next = null;
        return false;
    }

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (current is JsonObject obj && obj.TryGetPropertyValue(name, out var next))
        {
            walker.Continue(next, nextIndex);
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder) => builder.Append("['").Append(name).Append("']");
}
