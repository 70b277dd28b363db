namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListStateMachineVersions' response, newest version first.</summary>
/// <param name="StateMachineVersions">The page.</param>
/// <param name="NextToken">The next page's token.</param>
public sealed record ListStateMachineVersionsResponse(IReadOnlyList<StateMachineVersionListItem> StateMachineVersions, string? NextToken);
