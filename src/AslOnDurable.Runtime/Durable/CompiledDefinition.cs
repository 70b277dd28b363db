using AslOnDurable.Core.Engine;

namespace AslOnDurable.Runtime.Durable;

/// <summary>A definition text compiled for execution, or why it could not be.</summary>
/// <param name="Plan">The plan, or <c>null</c> when the definition is invalid.</param>
/// <param name="Problem">Why there is no plan (every error diagnostic), or <c>null</c>.</param>
public sealed record CompiledDefinition(ExecutionPlan? Plan, string? Problem);
