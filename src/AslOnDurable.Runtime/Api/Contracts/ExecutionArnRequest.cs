namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of actions that name one execution (DescribeExecution, DescribeStateMachineForExecution).</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
public sealed record ExecutionArnRequest(string? ExecutionArn);
