namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of actions that name one execution (DescribeExecution, DescribeStateMachineForExecution).</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="IncludedData"><c>ALL_DATA</c> (the default) or <c>METADATA_ONLY</c> (DescribeStateMachineForExecution answers the definition as <c>{}</c>).</param>
public sealed record ExecutionArnRequest(string? ExecutionArn, string? IncludedData = null);
