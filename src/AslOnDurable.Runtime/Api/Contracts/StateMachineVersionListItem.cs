namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListStateMachineVersions.</summary>
/// <param name="StateMachineVersionArn">The version ARN.</param>
/// <param name="CreationDate">When it was published.</param>
public sealed record StateMachineVersionListItem(string StateMachineVersionArn, DateTimeOffset CreationDate);
