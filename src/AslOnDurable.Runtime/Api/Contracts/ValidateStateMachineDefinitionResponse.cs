namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ValidateStateMachineDefinition's response.</summary>
/// <param name="Result">OK (no errors) or FAIL.</param>
/// <param name="Diagnostics">The diagnostics.</param>
/// <param name="Truncated">Whether more diagnostics were found than returned.</param>
public sealed record ValidateStateMachineDefinitionResponse(string Result, IReadOnlyList<ValidationDiagnostic> Diagnostics, bool Truncated);
