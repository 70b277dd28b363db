using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.JsonPath.Filters;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary>
/// <c>[?(expr)]</c>: the elements of an array that match; applied to an object, the object itself when it matches
/// (Jayway JsonPath behaviour).
/// </summary>
/// <param name="filter">The predicate.</param>
internal sealed class FilterSegment(FilterExpression filter) : JsonPathSegment
{
    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        switch (current)
        {
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var element = array[i];
                    if (filter.Matches(element, walker))
                    {
                        walker.Continue(element, nextIndex);
                    }
                }

                break;
            case JsonObject obj:
                if (filter.Matches(obj, walker))
                {
                    walker.Continue(obj, nextIndex);
                }

                break;
        }
    }

    /// <summary>
    /// Applies the filter at one level of a recursive descent (<c>..[?(…)]</c>), as Jayway does: the visited node
    /// itself is tested, so an object is selected once, not again as an element of its parent array.
    /// </summary>
    /// <param name="current">The visited node.</param>
    /// <param name="walker">The walk in progress.</param>
    /// <param name="nextIndex">The index of the segment that follows.</param>
    public void SelectInDescent(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (current is (JsonObject or JsonArray) && filter.Matches(current, walker))
        {
            if (current is JsonArray)
            {
                Select(current, walker, nextIndex);
            }
            else
            {
                walker.Continue(current, nextIndex);
            }
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append("[?(");
        filter.AppendText(builder);
        builder.Append(")]");
    }
}
