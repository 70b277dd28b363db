namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListMapRuns' request.</summary>
/// <param name="ExecutionArn">The execution whose map runs to list.</param>
/// <param name="MaxResults">The page size.</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record ListMapRunsRequest(string? ExecutionArn, int? MaxResults, string? NextToken);
