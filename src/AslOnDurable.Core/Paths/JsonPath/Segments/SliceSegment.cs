using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>[start:end]</c>: a range of array elements, end exclusive; negative bounds count from the end.</summary>
/// <param name="start">The first index, or <see langword="null"/> for the start.</param>
/// <param name="end">The end index (exclusive), or <see langword="null"/> for the end.</param>
internal sealed class SliceSegment(int? start, int? end) : JsonPathSegment
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

        var count = array.Count;
        var from = Normalize(start ?? 0, count);
        var to = Normalize(end ?? count, count);
        for (var i = from; i < to; i++)
        {
            walker.Continue(array[i], nextIndex);
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        if (start is { } s)
        {
            builder.Append(s.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(':');
        if (end is { } e)
        {
            builder.Append(e.ToString(CultureInfo.InvariantCulture));
        }

        builder.Append(']');
    }

    private static int Normalize(int bound, int count) =>
        bound < 0 ? Math.Max(0, count + bound) : Math.Min(bound, count);
}
