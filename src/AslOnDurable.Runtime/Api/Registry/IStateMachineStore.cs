namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// Where registered state machines live: in memory for the embedded default (<see cref="InMemoryStateMachineStore"/>);
/// a storage-backed store keeps them across restarts.
/// </summary>
public interface IStateMachineStore
{
    /// <summary>Finds a state machine by ARN.</summary>
    /// <param name="arn">The state machine ARN.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or <c>null</c>.</returns>
    Task<StateMachineRecord?> GetAsync(string arn, CancellationToken cancellationToken);

    /// <summary>Adds a state machine unless one with its ARN exists.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored record: <paramref name="record"/>, or the one that already existed.</returns>
    Task<StateMachineRecord> GetOrAddAsync(StateMachineRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces an existing state machine.</summary>
    /// <param name="record">The new record (same ARN).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> ReplaceAsync(StateMachineRecord record, CancellationToken cancellationToken);

    /// <summary>Removes a state machine.</summary>
    /// <param name="arn">The ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken);

    /// <summary>Lists every state machine, by name.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The records in ordinal name order.</returns>
    Task<IReadOnlyList<StateMachineRecord>> ListAsync(CancellationToken cancellationToken);
}
