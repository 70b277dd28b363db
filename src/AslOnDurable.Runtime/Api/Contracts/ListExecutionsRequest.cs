namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>ListExecutions' request.</summary>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="StatusFilter">Only executions with this status.</param>
/// <param name="MaxResults">The page size.</param>
/// <param name="NextToken">The previous page's token.</param>
public sealed record ListExecutionsRequest(string? StateMachineArn, string? StatusFilter, int? MaxResults, string? NextToken)
{
    /// <summary>Gets REDRIVEN or NOT_REDRIVEN: only executions that were (not) redriven.</summary>
    public string? RedriveFilter { get; init; }

    /// <summary>Gets the map run whose child executions to list (instead of <see cref="StateMachineArn"/>).</summary>
    public string? MapRunArn { get; init; }
}
