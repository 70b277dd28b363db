namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's <c>mock</c>: the Task's result, or its error (exactly one).</summary>
/// <param name="Result">The result as JSON text.</param>
/// <param name="ErrorOutput">The error.</param>
/// <param name="FieldValidationMode">STRICT (default), PRESENT or NONE: how a Task's mocked result is checked against its API's response shape (<c>Api/Testing/MockResultSchemas</c>).</param>
public sealed record TestStateMock(string? Result, MockErrorOutput? ErrorOutput, string? FieldValidationMode);
