namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>mock</c>: the Task's result, or its error (exactly one).</summary>
/// <param name="Result">The result as JSON text.</param>
/// <param name="ErrorOutput">The error.</param>
/// <param name="FieldValidationMode">STRICT, PRESENT or NONE (accepted; results are not checked against API models here).</param>
public sealed record TestStateMock(string? Result, MockErrorOutput? ErrorOutput, string? FieldValidationMode);
