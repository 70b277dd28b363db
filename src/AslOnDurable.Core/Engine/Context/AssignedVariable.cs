using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>A workflow variable with its size (UTF-8 bytes of its compact JSON value), measured once when assigned.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Node">Its value as a node, when it is not <paramref name="Held"/>.</param>
/// <param name="Size">The size of the value in bytes.</param>
/// <param name="Held">Its value as a JSONata value (a JSONata Assign), whose node is built only when needed.</param>
internal readonly record struct AssignedVariable(string Name, JsonNode? Node, long Size, HeldJsonataValue? Held = null)
{
    /// <summary>The value as a node (built on first use when the variable is held as a JSONata value).</summary>
    public JsonNode? Value => Held is null ? Node : Held.Node;
}
