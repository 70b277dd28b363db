using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary><c>[n]</c>: one array element; a negative index counts from the end (as Jayway JsonPath does).</summary>
/// <param name="index">The index.</param>
internal sealed class IndexSegment(int index) : JsonPathSegment
{
    /// <inheritdoc/>
    public override bool IsDefinite => true;

    /// <inheritdoc/>
    public override bool TryStep(JsonNode? current, out JsonNode? next)
    {
        if (current is JsonArray array && TryResolve(array, out var effective))
        {
            next = array[effective];
            return true;
        }

        next = null;
        return false;
    }

    /// <summary>Resolves the index against an array (negative indexes count from the end).</summary>
    /// <param name="array">The array.</param>
    /// <param name="effective">The zero-based position.</param>
    /// <returns>Whether the element exists.</returns>
    public bool TryResolve(JsonArray array, out int effective)
    {
        effective = index < 0 ? array.Count + index : index;
        return effective >= 0 && effective < array.Count;
    }

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (TryStep(current, out var next))
        {
            walker.Continue(next, nextIndex);
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder) =>
        builder.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
}
