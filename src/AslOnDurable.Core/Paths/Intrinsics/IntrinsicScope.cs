using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Paths.Intrinsics;

/// <summary>What one evaluation of an intrinsic call reads: the input, the environment and the template field it fills.</summary>
/// <param name="Input">The effective input (<c>$</c>).</param>
/// <param name="Environment">Context object, variables, ids and randomness.</param>
/// <param name="FieldName">The payload template field (for example <c>id.$</c>) named in error causes, if any.</param>
internal readonly record struct IntrinsicScope(JsonNode? Input, IEvaluationEnvironment Environment, string? FieldName);
