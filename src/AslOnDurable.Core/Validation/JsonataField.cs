using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Validation;

/// <summary>One field of a JSONata-mode state whose strings may be JSONata expressions.</summary>
/// <param name="Value">The raw value (null when the field is absent).</param>
/// <param name="Pointer">The JSON Pointer of the field.</param>
/// <param name="Role">What the field may hold besides an expression.</param>
internal sealed record JsonataField(JsonNode? Value, string Pointer, JsonataFieldRole Role);
