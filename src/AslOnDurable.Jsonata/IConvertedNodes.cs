using System.Text.Json.Nodes;

namespace AslOnDurable.Jsonata;

/// <summary>
/// JSON nodes whose JSONata values a host already holds (converted before, or produced by an evaluation), so
/// <see cref="JsonataValue.FromNode(JsonNode?, IConvertedNodes?)"/> takes them instead of converting the subtree again.
/// </summary>
/// <remarks>Only for nodes that have not changed since: a value is never updated when its node is.</remarks>
public interface IConvertedNodes
{
    /// <summary>The value held for <paramref name="node"/> (an object or an array), if any.</summary>
    /// <param name="node">The node.</param>
    /// <param name="value">Its value.</param>
    /// <returns>Whether a value is held.</returns>
    bool TryGetConverted(JsonNode node, out JsonataValue value);
}
