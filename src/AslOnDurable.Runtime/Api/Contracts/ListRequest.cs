namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of list actions without a filter (ListStateMachines).</summary>
/// <param name="MaxResults">The page size (0 or absent: 100; at most 1000).</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record ListRequest(int? MaxResults, string? NextToken);
