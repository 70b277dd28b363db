namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>GetExecutionHistory's request.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="MaxResults">The page size.</param>
/// <param name="ReverseOrder">Newest first.</param>
/// <param name="NextToken">The previous page's token.</param>
/// <param name="IncludeExecutionData">Whether events carry input and output (default true).</param>
public sealed record GetExecutionHistoryRequest(string? ExecutionArn, int? MaxResults, bool? ReverseOrder, string? NextToken, bool? IncludeExecutionData);
