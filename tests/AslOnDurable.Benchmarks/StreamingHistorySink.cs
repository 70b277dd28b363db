using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// A history sink that receives every event (built in full by the engine) and keeps only a count, like a sink that
/// streams events to storage: measures the cost of producing history without the cost of keeping it in memory.
/// </summary>
internal sealed class StreamingHistorySink : IHistorySink
{
    public long Count { get; private set; }

    public void Record(HistoryEvent historyEvent) => Count++;
}
