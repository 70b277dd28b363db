using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>.*</c> or <c>[*]</c>: every member value of an object or every element of an array.</summary>
internal sealed class WildcardSegment : JsonPathSegment
{
    /// <summary>The shared instance (the segment has no state).</summary>
    public static readonly WildcardSegment Instance = new();

    private WildcardSegment()
    {
    }

    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        switch (current)
        {
            case JsonObject obj:
                foreach (var property in obj)
                {
                    walker.Continue(property.Value, nextIndex);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    walker.Continue(array[i], nextIndex);
                }

                break;
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder) => builder.Append("[*]");
}
