namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UpdateStateMachineAlias's response.</summary>
/// <param name="UpdateDate">When.</param>
public sealed record UpdateStateMachineAliasResponse(DateTimeOffset UpdateDate);
