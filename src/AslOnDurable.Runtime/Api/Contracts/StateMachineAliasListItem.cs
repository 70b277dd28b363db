namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListStateMachineAliases.</summary>
/// <param name="StateMachineAliasArn">The alias ARN.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record StateMachineAliasListItem(string StateMachineAliasArn, DateTimeOffset CreationDate);
