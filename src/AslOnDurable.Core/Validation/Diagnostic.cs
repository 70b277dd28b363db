namespace AslOnDurable.Core.Validation;

/// <summary>One problem found in a definition: a stable code, a message and the JSON Pointer of the field.</summary>
/// <param name="Code">A stable code from <see cref="DiagnosticCodes"/> (AWS's ValidateStateMachineDefinition codes where they exist).</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
/// <param name="Location">The JSON Pointer of the offending field, for example <c>/States/Start/Next</c>.</param>
/// <param name="Severity">Whether the problem prevents running the definition.</param>
public sealed record Diagnostic(string Code, string Message, string Location, DiagnosticSeverity Severity = DiagnosticSeverity.Error);
