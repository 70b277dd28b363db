namespace AslOnDurable.Core.Engine.History;

/// <summary>Receives history events as the engine produces them (in a deterministic order).</summary>
public interface IHistorySink
{
    /// <summary>Records one event. Its details are owned by the sink.</summary>
    /// <param name="historyEvent">The event.</param>
    void Record(HistoryEvent historyEvent);
}
