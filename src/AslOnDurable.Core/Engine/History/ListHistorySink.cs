using System.Collections.Concurrent;

namespace AslOnDurable.Core.Engine.History;

/// <summary>
/// Keeps history events in memory, in the order they were recorded (safe for concurrent branches), up to a bound:
/// events past it are counted, not kept, so a long run cannot grow the list without limit.
/// </summary>
/// <param name="maxEvents">How many events to keep (AWS's console shows at most 25,000); unbounded by default.</param>
public sealed class ListHistorySink(int maxEvents = int.MaxValue) : IHistorySink
{
    /// <summary>AWS's limit on the history of a Standard execution, and what its console shows: 25,000 events.</summary>
    public const int AwsHistoryEventLimit = 25_000;

    private readonly ConcurrentQueue<HistoryEvent> events = new();
    private int kept;
    private long dropped;

    /// <summary>The events recorded so far, in order (the first <c>maxEvents</c> of them).</summary>
    public IReadOnlyList<HistoryEvent> Events => [.. events];

    /// <summary>How many events were recorded past the bound and not kept.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <inheritdoc/>
    public void Record(HistoryEvent historyEvent)
    {
        if (Interlocked.Increment(ref kept) <= maxEvents)
        {
            events.Enqueue(historyEvent);
        }
        else
        {
            Interlocked.Decrement(ref kept);
            Interlocked.Increment(ref dropped);
        }
    }
}
