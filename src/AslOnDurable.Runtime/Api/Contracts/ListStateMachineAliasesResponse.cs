namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListStateMachineAliases' response.</summary>
/// <param name="StateMachineAliases">The page.</param>
/// <param name="NextToken">The next page's token.</param>
public sealed record ListStateMachineAliasesResponse(IReadOnlyList<StateMachineAliasListItem> StateMachineAliases, string? NextToken);
