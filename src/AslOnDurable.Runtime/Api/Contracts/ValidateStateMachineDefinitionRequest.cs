namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ValidateStateMachineDefinition's request.</summary>
/// <param name="Definition">The definition text.</param>
/// <param name="Type">STANDARD (default) or EXPRESS.</param>
/// <param name="Severity">The least severity reported: ERROR (default) or WARNING.</param>
/// <param name="MaxResults">The most diagnostics returned (0 or absent: 100).</param>
public sealed record ValidateStateMachineDefinitionRequest(string? Definition, string? Type, string? Severity, int? MaxResults);
