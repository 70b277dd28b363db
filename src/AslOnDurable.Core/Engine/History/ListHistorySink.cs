using System.Collections.Concurrent;

namespace AslOnDurable.Core.Engine.History;

/// <summary>Keeps history events in memory, in the order they were recorded (safe for concurrent branches).</summary>
public sealed class ListHistorySink : IHistorySink
{
    private readonly ConcurrentQueue<HistoryEvent> events = new();

    /// <summary>The events recorded so far, in order.</summary>
    public IReadOnlyList<HistoryEvent> Events => [.. events];

    /// <inheritdoc/>
    public void Record(HistoryEvent historyEvent) => events.Enqueue(historyEvent);
}
