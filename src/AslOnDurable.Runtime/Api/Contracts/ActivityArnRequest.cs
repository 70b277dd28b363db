namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of actions that name one activity (DescribeActivity, DeleteActivity).</summary>
/// <param name="ActivityArn">The activity ARN.</param>
public sealed record ActivityArnRequest(string? ActivityArn);
