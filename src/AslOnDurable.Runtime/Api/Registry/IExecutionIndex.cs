namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Execution ARNs and what they map to (the durable instance id, the input, the state machine at the start).</summary>
public interface IExecutionIndex
{
    /// <summary>Adds an execution unless its ARN is taken.</summary>
    /// <param name="record">The execution.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored record: <paramref name="record"/>, or the existing one with that ARN.</returns>
    Task<ExecutionRecord> GetOrAddAsync(ExecutionRecord record, CancellationToken cancellationToken);

    /// <summary>Finds an execution.</summary>
    /// <param name="executionArn">The ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record, or <c>null</c>.</returns>
    Task<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken);

    /// <summary>Replaces an execution's record (an EXPRESS outcome, a stop request).</summary>
    /// <param name="record">The new record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when stored.</returns>
    Task ReplaceAsync(ExecutionRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an execution's record only if it still is <paramref name="expected"/> (a record read from this index):
    /// the compare-and-swap that lets one of two hosts (or threads) redriving the same execution win.
    /// </summary>
    /// <param name="expected">The record as it was read.</param>
    /// <param name="record">The new record (same ARN).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it was replaced; <c>false</c> when it changed since it was read (read it again).</returns>
    Task<bool> ReplaceAsync(ExecutionRecord expected, ExecutionRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps that a durable execution was seen closed (<see cref="ExecutionRecord.Closed"/>, status and stop date only),
    /// unless its record changed since <paramref name="record"/> was read (a redrive or a stop replaced it).
    /// </summary>
    /// <param name="record">The record as read.</param>
    /// <param name="outcome">The closed outcome seen.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it was kept.</returns>
    Task<bool> RecordClosedAsync(ExecutionRecord record, ExecutionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Lists the executions of a state machine, newest first (AWS's order).</summary>
    /// <param name="stateMachineArn">The state machine ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The records.</returns>
    Task<IReadOnlyList<ExecutionRecord>> ListAsync(string stateMachineArn, CancellationToken cancellationToken);

    /// <summary>
    /// One page of a state machine's executions, newest first (<see cref="ExecutionListing.Key"/> order), that the filter
    /// keeps (<see cref="ExecutionFilter.Keeps"/>): a page costs what it holds, not the state machine's whole index.
    /// </summary>
    /// <param name="filter">Which executions.</param>
    /// <param name="after">The key of the last execution of the previous page, or <c>null</c> for the first page.</param>
    /// <param name="size">How many at most.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The page.</returns>
    Task<ExecutionPage> PageAsync(ExecutionFilter filter, string? after, int size, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps that a listed execution was seen closed (as <see cref="RecordClosedAsync(ExecutionRecord, ExecutionOutcome, CancellationToken)"/>),
    /// unless its record changed since it was listed.
    /// </summary>
    /// <param name="listing">The execution as listed by <see cref="PageAsync"/>.</param>
    /// <param name="outcome">The closed outcome seen.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it was kept.</returns>
    Task<bool> RecordClosedAsync(ExecutionListing listing, ExecutionOutcome outcome, CancellationToken cancellationToken);
}
