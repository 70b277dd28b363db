namespace AslOnDurable.Core.Engine.History;

/// <summary>Hands every event to several sinks in order (they share the event and must not change its details).</summary>
public sealed class CompositeHistorySink : IHistorySink
{
    private readonly IHistorySink[] sinks;

    private CompositeHistorySink(IHistorySink[] sinks) => this.sinks = sinks;

    /// <summary>Combines the sinks that are set: <see langword="null"/> for none, the sink itself for one.</summary>
    /// <param name="sinks">Sinks, any of them <see langword="null"/>.</param>
    /// <returns>One sink, or <see langword="null"/>.</returns>
    public static IHistorySink? Of(params IHistorySink?[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        IHistorySink[] set = [.. sinks.OfType<IHistorySink>()];
        return set.Length switch
        {
            0 => null,
            1 => set[0],
            _ => new CompositeHistorySink(set),
        };
    }

    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        foreach (IHistorySink sink in sinks)
        {
            sink.Record(historyEvent);
        }
    }
}
