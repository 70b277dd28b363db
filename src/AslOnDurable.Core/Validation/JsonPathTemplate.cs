using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Validation;

/// <summary>One JSONPath-mode payload template of a state (Parameters, ResultSelector, ItemSelector, Assign…).</summary>
/// <param name="Template">The raw template.</param>
/// <param name="Pointer">The JSON Pointer of the field.</param>
internal sealed record JsonPathTemplate(JsonNode Template, string Pointer);
