using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>[0,2,-1]</c>: several array elements, in the order written; missing ones are skipped.</summary>
/// <param name="indexes">The indexes.</param>
internal sealed class IndexUnionSegment(int[] indexes) : JsonPathSegment
{
    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (current is not JsonArray array)
        {
            return;
        }

        foreach (var index in indexes)
        {
            var effective = index < 0 ? array.Count + index : index;
            if (effective >= 0 && effective < array.Count)
            {
                walker.Continue(array[effective], nextIndex);
            }
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < indexes.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(indexes[i].ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(']');
    }
}
