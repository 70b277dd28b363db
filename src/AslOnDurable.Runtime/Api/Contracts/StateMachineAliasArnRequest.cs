namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of DescribeStateMachineAlias and DeleteStateMachineAlias.</summary>
/// <param name="StateMachineAliasArn">The alias ARN.</param>
public sealed record StateMachineAliasArnRequest(string? StateMachineAliasArn);
