namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DeleteStateMachineVersion's request.</summary>
/// <param name="StateMachineVersionArn">The version ARN.</param>
public sealed record StateMachineVersionArnRequest(string? StateMachineVersionArn);
