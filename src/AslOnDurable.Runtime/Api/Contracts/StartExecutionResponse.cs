namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>StartExecution's response.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StartDate">When it started.</param>
public sealed record StartExecutionResponse(string ExecutionArn, DateTimeOffset StartDate);
