using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary>
/// <c>['a','b']</c>: several object members. Inside a path each present member is selected in the order written;
/// as the last step of a path the present members are merged into one new object (<c>{"a":…,"b":…}</c>), as Jayway
/// JsonPath does.
/// </summary>
/// <param name="names">The member names.</param>
/// <param name="merge">Whether the segment is the last step (merge into one object).</param>
internal sealed class PropertyUnionSegment(string[] names, bool merge) : JsonPathSegment
{
    /// <summary>The member names.</summary>
    public IReadOnlyList<string> Names => names;

    /// <summary>Whether the segment merges the members into one object (it is the last step).</summary>
    public bool Merge => merge;

    /// <inheritdoc/>
    public override bool IsDefinite => false;

    /// <summary>The same union as the last step of a path (merging).</summary>
    /// <returns>The merging segment.</returns>
    public PropertyUnionSegment AsLeaf() => merge ? this : new PropertyUnionSegment(names, merge: true);

    /// <inheritdoc/>
    public override bool TryStep(JsonNode? current, out JsonNode? next)
    {
        if (!merge || current is not JsonObject obj)
        {
            next = null;
            return false;
        }

        var merged = new JsonObject();
        foreach (var name in names)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                merged[name] = value?.DeepClone();
            }
        }

        next = merged;
        return true;
    }

    /// <inheritdoc/>
    public override void Select(JsonNode? current, JsonPathWalker walker, int nextIndex)
    {
        if (current is not JsonObject obj)
        {
            return;
        }

        if (merge)
        {
            TryStep(obj, out var merged);
            walker.Continue(merged, nextIndex);
            return;
        }

        foreach (var name in names)
        {
            if (obj.TryGetPropertyValue(name, out var value))
            {
                walker.Continue(value, nextIndex);
            }
        }
    }

    /// <inheritdoc/>
    public override void AppendNormalized(StringBuilder builder)
    {
        builder.Append('[');
        for (var i = 0; i < names.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append('\'').Append(names[i]).Append('\'');
        }

        builder.Append(']');
    }
}
