using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>..x</c>: applies the selector <c>x</c> to a node and to all its descendants, depth first in document order.</summary>
/// <param name="selector">The selector applied at every level (a property, wildcard, index, slice, union or filter).</param>
internal sealed class RecursiveDescentSegment(JsonPathSegment selector) : JsonPathSegment
{
    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (selector is FilterSegment filter)
        {
            filter.SelectInDescent(current, walker, nextIndex);
        }
        else
        {
            selector.Select(current, walker, nextIndex);
        }

        switch (current)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    if (property.Value is JsonObject or JsonArray)
                    {
                        Select(property.Value, walker, nextIndex);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject or JsonArray)
                    {
                        Select(array[i], walker, nextIndex);
                    }
                }

                break;
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append("..");
        selector.AppendNormalized(builder);
    }
}
