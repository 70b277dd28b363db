namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListExecutions' response.</summary>
/// <param name="Executions">The page.</param>
/// <param name="NextToken">The next page's token.</param>
public sealed record ListExecutionsResponse(IReadOnlyList<ExecutionListItem> Executions, string? NextToken);
