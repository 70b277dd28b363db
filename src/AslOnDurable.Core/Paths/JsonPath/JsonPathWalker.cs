using System.Text.Json.Nodes;
using AslOnDurable.Core.Paths.JsonPath.Segments;

namespace AslOnDurable.Core.Paths.JsonPath;

/// <summary>One evaluation of an indefinite path: walks the segments and collects every match in document order.</summary>
/// <param name="segments">The compiled segments.</param>
/// <param name="input">The state input (<c>$</c> inside filters).</param>
/// <param name="environment">The context object and variables.</param>
internal sealed class JsonPathWalker(JsonPathSegment[] segments, JsonNode? input, IEvaluationEnvironment environment)
{
    /// <summary>The matches collected so far (still attached to their parents).</summary>
    public List<JsonNode?> Results { get; } = [];

    /// <summary>The state input, for <c>$</c> paths inside filters.</summary>
    public JsonNode? Input => input;

    /// <summary>The evaluation environment, for <c>$$</c> and variable paths inside filters.</summary>
    public IEvaluationEnvironment Environment => environment;

    /// <summary>Continues the walk at a node with the segment at <paramref name="index"/>.</summary>
    /// <param name="node">The node reached.</param>
    /// <param name="index">The next segment's index.</param>
    public void Continue(JsonNode? node, int index)
    {
        if (index == segments.Length)
        {
            Results.Add(node);
            return;
        }

        segments[index].Select(node, this, index + 1);
    }
}
