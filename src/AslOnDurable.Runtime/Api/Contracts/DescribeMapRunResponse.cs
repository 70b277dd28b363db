namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeMapRun's response (AWS's member order).</summary>
/// <param name="MapRunArn">The map run's ARN.</param>
/// <param name="ExecutionArn">The execution that started it.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED or ABORTED.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it stopped, or <c>null</c> while it runs.</param>
/// <param name="MaxConcurrency">Children at most at once (0: as many as the backend allows).</param>
/// <param name="ToleratedFailurePercentage">Failed items in percent before it fails (0 when unset).</param>
/// <param name="ToleratedFailureCount">Failed items before it fails (0 when unset).</param>
/// <param name="ItemCounts">Items by status.</param>
/// <param name="ExecutionCounts">Child executions by status.</param>
/// <param name="RedriveCount">Redrives so far.</param>
/// <param name="RedriveDate">When it was last redriven, or <c>null</c> when never.</param>
public sealed record DescribeMapRunResponse(
    string MapRunArn, string ExecutionArn, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, int MaxConcurrency,
    double ToleratedFailurePercentage, long ToleratedFailureCount, MapRunCountsResponse ItemCounts, MapRunCountsResponse ExecutionCounts,
    int RedriveCount, DateTimeOffset? RedriveDate = null);
