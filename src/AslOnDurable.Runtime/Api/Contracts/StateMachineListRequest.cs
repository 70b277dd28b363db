namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of ListStateMachineVersions and ListStateMachineAliases.</summary>
/// <param name="StateMachineArn">The state machine.</param>
/// <param name="MaxResults">The page size.</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record StateMachineListRequest(string? StateMachineArn, int? MaxResults, string? NextToken);
