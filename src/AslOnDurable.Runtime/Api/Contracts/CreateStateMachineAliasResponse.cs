namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateStateMachineAlias's response.</summary>
/// <param name="StateMachineAliasArn">The alias ARN.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record CreateStateMachineAliasResponse(string StateMachineAliasArn, DateTimeOffset CreationDate);
