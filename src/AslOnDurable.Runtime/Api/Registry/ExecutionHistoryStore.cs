using System.Collections.Concurrent;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// The ASL history events of executions run by this process (the embedded default), by durable instance id: the self-host hands
/// <see cref="SinkFor"/> to its orchestrator (which forwards each event once, never on replay) and
/// GetExecutionHistory reads them back. Events are kept packed (<see cref="CompactHistorySink"/>), so a long execution's
/// history costs little more than its payload texts.
/// </summary>
public sealed class ExecutionHistoryStore : IExecutionHistoryStore
{
    private readonly ConcurrentDictionary<string, CompactHistorySink> sinks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IHistorySink SinkFor(string instanceId) => sinks.GetOrAdd(instanceId, static _ => new CompactHistorySink());

    /// <summary>The events of an instance, in order.</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <returns>The events (empty when none were recorded by this process).</returns>
    public IReadOnlyList<HistoryEvent> Events(string instanceId) => sinks.TryGetValue(instanceId, out CompactHistorySink? sink) ? sink.Events : [];

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> EventsAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(Events(instanceId));
}
