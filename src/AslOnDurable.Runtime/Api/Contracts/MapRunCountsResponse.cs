namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>AWS's MapRunItemCounts and MapRunExecutionCounts (the same members): items or child executions by status.</summary>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Running.</param>
/// <param name="Succeeded">Succeeded.</param>
/// <param name="Failed">Failed.</param>
/// <param name="TimedOut">Timed out.</param>
/// <param name="Aborted">Aborted.</param>
/// <param name="Total">All of them.</param>
/// <param name="ResultsWritten">Whose results the ResultWriter wrote.</param>
/// <param name="FailuresNotRedrivable">Failed ones a redrive would not run again.</param>
/// <param name="PendingRedrive">Waiting for a redrive.</param>
public sealed record MapRunCountsResponse(
    long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten,
    long FailuresNotRedrivable, long PendingRedrive);
