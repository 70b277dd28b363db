using System.Text.Json.Nodes;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// Converts nodes for the JSONata library once per state: the several expressions of one state (Assign, Output,
/// Arguments…) see the same <c>$states</c> and variables, so each node is converted only the first time. Cleared
/// when the frame enters the next state; nodes are never mutated while a state evaluates its expressions.
/// </summary>
internal sealed class JsonataConversionCache
{
    private readonly Dictionary<JsonNode, JsonataValue> values = new(ReferenceEqualityComparer.Instance);

    private JsonObject? states;
    private int statesCount;
    private JsonataValue statesValue;

    /// <summary>The converted value, from the cache when the same node was converted in this state.</summary>
    public JsonataValue Convert(JsonNode? node, Func<JsonNode?, JsonataValue> convert)
    {
        if (node is null)
        {
            return convert(null);
        }

        if (!values.TryGetValue(node, out var value))
        {
            value = convert(node);
            values[node] = value;
        }

        return value;
    }

    /// <summary>The converted <c>$states</c> object; reconverted when members were added since (the context).</summary>
    public JsonataValue ConvertStates(JsonObject node, Func<JsonNode?, JsonataValue> convert)
    {
        if (!ReferenceEquals(node, states) || node.Count != statesCount)
        {
            statesValue = convert(node);
            states = node;
            statesCount = node.Count;
        }

        return statesValue;
    }

    /// <summary>Forgets every conversion (a new state starts).</summary>
    public void Clear()
    {
        if (values.Count > 0)
        {
            values.Clear();
        }

        states = null;
        statesValue = default;
    }
}
