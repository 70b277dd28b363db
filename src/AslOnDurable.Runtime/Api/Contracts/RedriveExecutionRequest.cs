namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>RedriveExecution's request.</summary>
/// <param name="ExecutionArn">The execution to redrive.</param>
/// <param name="ClientToken">Makes the request idempotent (1-64 printable ASCII characters).</param>
public sealed record RedriveExecutionRequest(string? ExecutionArn, string? ClientToken);
