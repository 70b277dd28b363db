using System.Text;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.JsonPath.Segments;

/// <summary>One step of a compiled JSONPath (a property, an index, a wildcard, a filter…). Immutable.</summary>
internal abstract class JsonPathSegment
{
    /// <summary>Whether the step selects at most one node.</summary>
    public abstract bool IsDefinite { get; }

    /// <summary>Steps from a node to its single selected child (definite segments only).</summary>
    /// <param name="current">The current node.</param>
    /// <param name="next">The selected child.</param>
    /// <returns>Whether the child exists.</returns>
    public virtual bool TryStep(JsonNode? current, out JsonNode? next) =>
        throw new InvalidOperationException("Only definite segments can step.");

    /// <summary>Applies the step to a node and continues the walk with every selected node.</summary>
    /// <param name="current">The current node.</param>
    /// <param name="walker">The walk in progress.</param>
    /// <param name="nextIndex">The index of the segment that follows.</param>
    public abstract void Select(JsonNode? current, JsonPathWalker walker, int nextIndex);

    /// <summary>Appends the normalized (Jayway) form, for example <c>['name']</c> or <c>[0]</c>.</summary>
    /// <param name="builder">The target.</param>
    public abstract void AppendNormalized(StringBuilder builder);
}
