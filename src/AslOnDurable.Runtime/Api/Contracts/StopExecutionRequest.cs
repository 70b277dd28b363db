namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>StopExecution's request.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="Error">The error name to report (at most 256 characters).</param>
/// <param name="Cause">The cause to report (at most 32,768 characters).</param>
public sealed record StopExecutionRequest(string? ExecutionArn, string? Error, string? Cause);
