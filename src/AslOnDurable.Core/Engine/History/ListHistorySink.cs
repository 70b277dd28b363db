namespace AslOnDurable.Core.Engine.History;

/// <summary>Keeps history events in memory, in order.</summary>
public sealed class ListHistorySink : IHistorySink
{
    private readonly List<HistoryEvent> events = [];

    /// <summary>The events recorded so far.</summary>
    public IReadOnlyList<HistoryEvent> Events => events;

    /// <inheritdoc/>
    public void Record(HistoryEvent historyEvent) => events.Add(historyEvent);
}
