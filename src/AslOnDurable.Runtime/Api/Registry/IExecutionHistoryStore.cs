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

    /// <summary>
    /// The events of an instance whose ids lie in <c>[fromId, toId]</c>, in id order, at most <paramref name="max"/>
    /// (GetExecutionHistory reads one page this way, not the whole history).
    /// </summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <param name="fromId">The smallest id.</param>
    /// <param name="toId">The largest id.</param>
    /// <param name="max">How many events at most.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events.</returns>
    async Task<IReadOnlyList<HistoryEvent>> RangeAsync(string instanceId, long fromId, long toId, int max, CancellationToken cancellationToken) =>
        [.. (await EventsAsync(instanceId, cancellationToken).ConfigureAwait(false)).Where(e => e.Id >= fromId && e.Id <= toId).Take(max)];

    /// <summary>The id of an instance's last recorded event (0 when none), without reading the events themselves.</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The id.</returns>
    async Task<long> LastIdAsync(string instanceId, CancellationToken cancellationToken) =>
        (await EventsAsync(instanceId, cancellationToken).ConfigureAwait(false)).Select(e => e.Id).DefaultIfEmpty(0).Max();
}
