namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListStateMachines' response.</summary>
/// <param name="StateMachines">The page.</param>
/// <param name="NextToken">The next page's token, absent on the last page.</param>
public sealed record ListStateMachinesResponse(IReadOnlyList<StateMachineListItem> StateMachines, string? NextToken);
