namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeStateMachine's request.</summary>
/// <param name="StateMachineArn">The state machine or version ARN.</param>
/// <param name="IncludedData"><c>ALL_DATA</c> (the default) or <c>METADATA_ONLY</c> (the definition answered as <c>{}</c>).</param>
public sealed record DescribeStateMachineRequest(string? StateMachineArn, string? IncludedData = null);
