namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// A map run as AWS's DescribeMapRun shows it: ARN, status, dates, MaxConcurrency, tolerated failures, and item and child
/// execution counts. The map-run orchestration keeps it as its custom status while it runs and returns it at the end.
/// </summary>
/// <param name="MapRunArn">The map run's ARN.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED or ABORTED.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="ItemCounts">Items by status.</param>
/// <param name="ExecutionCounts">Child executions by status.</param>
public sealed record MapRunRecord(string MapRunArn, string Status, DateTimeOffset StartDate, MapRunCounts ItemCounts, MapRunCounts ExecutionCounts)
{
    /// <summary>When it stopped.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>MaxConcurrency (0: the backend's limit).</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>ToleratedFailurePercentage (AWS reports 0 when unset).</summary>
    public double ToleratedFailurePercentage { get; init; }

    /// <summary>ToleratedFailureCount (AWS reports 0 when unset).</summary>
    public long ToleratedFailureCount { get; init; }

    /// <summary>How many times the map run was redriven (absent: never).</summary>
    public int? RedriveCount { get; init; }

    /// <summary>When it was last redriven (absent: never).</summary>
    public DateTimeOffset? RedriveDate { get; init; }
}
