namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListActivities' response.</summary>
/// <param name="Activities">The page.</param>
/// <param name="NextToken">The next page's token, absent on the last page.</param>
public sealed record ListActivitiesResponse(IReadOnlyList<ActivityListItem> Activities, string? NextToken);
