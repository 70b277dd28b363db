using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// Where the ASL history events of durable executions are kept, by durable instance id: in this process for the
/// embedded default (<see cref="ExecutionHistoryStore"/>), in Table Storage when a storage connection is configured
/// (<see cref="AzureStorage.AzureExecutionHistoryStore"/>). The orchestrator records through <see cref="SinkFor"/>
/// (each event once, never on replay); GetExecutionHistory reads them back.
/// </summary>
public interface IExecutionHistoryStore
{
    /// <summary>The sink for an instance's events (continue-as-new generations append to the same history).</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <returns>The sink.</returns>
    IHistorySink SinkFor(string instanceId);

    /// <summary>The events of an instance, in id order, including every event recorded before the call.</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events (empty when none were recorded).</returns>
    Task<IReadOnlyList<HistoryEvent>> EventsAsync(string instanceId, CancellationToken cancellationToken);
}
