using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>A workflow variable with its size (UTF-8 bytes of its compact JSON value), measured once when assigned.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value.</param>
/// <param name="Size">The size of the value in bytes.</param>
internal readonly record struct AssignedVariable(string Name, JsonNode? Value, long Size);
