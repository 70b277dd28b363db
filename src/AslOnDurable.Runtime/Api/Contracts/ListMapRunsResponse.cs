namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListMapRuns' response.</summary>
/// <param name="MapRuns">The page.</param>
/// <param name="NextToken">The next page's token.</param>
public sealed record ListMapRunsResponse(IReadOnlyList<MapRunListItem> MapRuns, string? NextToken);
