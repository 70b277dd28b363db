namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>AWS's MapRunItemCounts / MapRunExecutionCounts.</summary>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Running.</param>
/// <param name="Succeeded">Succeeded.</param>
/// <param name="Failed">Failed.</param>
/// <param name="TimedOut">Timed out.</param>
/// <param name="Aborted">Aborted.</param>
/// <param name="Total">All.</param>
/// <param name="ResultsWritten">Whose results the ResultWriter wrote.</param>
public sealed record MapRunCounts(long Pending, long Running, long Succeeded, long Failed, long TimedOut, long Aborted, long Total, long ResultsWritten)
{
    /// <summary>Unsuccessful STANDARD children a redrive could not redrive (AWS's <c>failuresNotRedrivable</c>).</summary>
    public long FailuresNotRedrivable { get; init; }

    /// <summary>Unsuccessful ones of the previous run that a redrive under way has not restarted yet (AWS's <c>pendingRedrive</c>).</summary>
    public long PendingRedrive { get; init; }
}
