namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>PublishStateMachineVersion's response.</summary>
/// <param name="CreationDate">When the version was published.</param>
/// <param name="StateMachineVersionArn">The version ARN.</param>
public sealed record PublishStateMachineVersionResponse(DateTimeOffset CreationDate, string StateMachineVersionArn);
