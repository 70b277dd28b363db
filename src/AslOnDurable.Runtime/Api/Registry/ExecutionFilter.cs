namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// Which of a state machine's executions a page of the execution index holds (ListExecutions' filters): a map run's STANDARD
/// children are executions of the map run's own state machine (<c>…:stateMachine:machine/label</c>) that name it.
/// </summary>
/// <param name="StateMachineArn">The state machine ARN (unqualified).</param>
public sealed record ExecutionFilter(string StateMachineArn)
{
    /// <summary>
    /// Gets the status asked for, or <c>null</c> for any. The index learns every closing, so an execution it does not know
    /// closed (<see cref="ExecutionListing.NotKnownClosed"/>) is RUNNING. A page of another status also holds the
    /// executions listed <see cref="ExecutionListing.PendingRedrive"/> (few: recently redriven), whose status depends on
    /// the time (PENDING_REDRIVE, or the closing before once the redrive's claim lapsed): ListExecutions keeps those that match.
    /// </summary>
    public string? Status { get; init; }

    /// <summary>Gets the version or alias ARN the executions were started by, or <c>null</c> for any.</summary>
    public string? StartedBy { get; init; }

    /// <summary>
    /// Gets whether only redriven (<c>true</c>) or never redriven (<c>false</c>) executions are listed, or <c>null</c>. A
    /// pending first redrive does not count yet (AWS's <c>redriveCount</c>): never redriven also holds those.
    /// </summary>
    public bool? Redriven { get; init; }

    /// <summary>Gets the map run the executions were started by, or <c>null</c> for any (ListExecutions by <c>mapRunArn</c>).</summary>
    public string? MapRunArn { get; init; }

    /// <summary>Whether a listing is one this filter keeps (the in-memory index's test; Table Storage asks the same of its rows).</summary>
    /// <param name="listing">The listing.</param>
    /// <returns>Whether it is kept.</returns>
    public bool Keeps(ExecutionListing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        bool pending = listing.Status == ExecutionListing.PendingRedrive;
        return listing.StateMachineArn == StateMachineArn
            && (Status is null || listing.Status == Status || (pending && Status != ExecutionListing.NotKnownClosed))
            && (StartedBy is null || listing.StateMachineVersionArn == StartedBy || listing.StateMachineAliasArn == StartedBy)
            && (Redriven is null || (listing.RedriveCount > 0) == Redriven || (pending && listing.RedriveCount == 1))
            && (MapRunArn is null || listing.MapRunArn == MapRunArn);
    }
}
