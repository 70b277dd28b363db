namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One diagnostic of ValidateStateMachineDefinition.</summary>
/// <param name="Severity">ERROR or WARNING.</param>
/// <param name="Code">The code (AWS's where it has one).</param>
/// <param name="Message">The message.</param>
/// <param name="Location">The JSON Pointer of the field.</param>
public sealed record ValidationDiagnostic(string Severity, string Code, string Message, string Location);
