using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// The ASL history events of executions run by this process (the embedded default), by durable instance id: the self-host hands
/// <see cref="SinkFor"/> to its orchestrator (which forwards each event once, never on replay) and
/// GetExecutionHistory reads them back. Events are kept packed (<see cref="CompactHistorySink"/>), so a long execution's
/// history costs little more than its payload texts. A closing event also tells the execution index that the execution
/// closed (<see cref="ExecutionClosings"/>; the in-memory index does no I/O, so this is safe where the orchestrator records).
/// </summary>
/// <param name="closings">Keeps closings in the execution index, or <c>null</c> for none.</param>
public sealed class ExecutionHistoryStore(ExecutionClosings? closings = null) : IExecutionHistoryStore
{
    private readonly ConcurrentDictionary<string, ClosingSink> sinks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IHistorySink SinkFor(string instanceId) => sinks.GetOrAdd(instanceId, static (id, c) => new ClosingSink(id, c), closings);

    /// <summary>The events of an instance, in order.</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <returns>The events (empty when none were recorded by this process).</returns>
    public IReadOnlyList<HistoryEvent> Events(string instanceId) => sinks.TryGetValue(instanceId, out ClosingSink? sink) ? sink.Events.Events : [];

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryEvent>> EventsAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(Events(instanceId));

    /// <summary>An instance's packed events, passing each closing event on to <see cref="ExecutionClosings"/>.</summary>
    private sealed class ClosingSink(string instanceId, ExecutionClosings? closings) : IHistorySink, IDirectHistorySink, Durable.INestedExecutionSink
    {
        public void Started(Durable.NestedExecutionStarted start)
        {
            if (closings is not null)
            {
                Observe(closings.RecordNestedAsync(start, CancellationToken.None));
            }
        }

        public CompactHistorySink Events { get; } = new();

        private IDirectHistorySink Direct => Events;

        public void Record(HistoryEvent historyEvent)
        {
            Events.Record(historyEvent);
            Closed(historyEvent.Type, historyEvent.Timestamp);
        }

        public void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, AssignedVariableTexts assignedVariables) =>
            Direct.RecordState(id, previousEventId, type, timestamp, name, payload, exited, assignedVariables);

        public void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details)
        {
            Direct.Record(id, previousEventId, type, timestamp, details);
            Closed(type, timestamp);
        }

        public void RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload)
        {
            Direct.RecordPayload(id, previousEventId, type, timestamp, resource, member, payload);
            Closed(type, timestamp);
        }

        public void RecordFailure(long id, long previousEventId, string type, DateTimeOffset timestamp, string? error, string? cause)
        {
            Direct.RecordFailure(id, previousEventId, type, timestamp, error, cause);
            Closed(type, timestamp);
        }

        public void RecordIteration(long id, long previousEventId, string type, DateTimeOffset timestamp, int index, string name) =>
            Direct.RecordIteration(id, previousEventId, type, timestamp, index, name);

        private void Closed(string type, DateTimeOffset timestamp)
        {
            if (ExecutionClosings.StatusOf(type) is not { } status)
            {
                return;
            }

            Events.ReleaseWorkingBuffers(); // kept for reading from now on (a redrive records on, storing its first events whole)
            if (closings is not null)
            {
                Observe(closings.RecordAsync(instanceId, status, timestamp, CancellationToken.None));
            }
        }

        // Not kept when it fails: ListExecutions learns it from the backend (an index with I/O is paired with the stored history).
        private static void Observe(Task recording)
        {
            if (!recording.IsCompletedSuccessfully)
            {
                _ = recording.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
