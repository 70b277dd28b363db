using AslOnDurable.Core.Engine.History;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Forwards ASL history events only the first time the orchestrator produces them: events regenerated while
/// replaying are dropped, so a live sink (the CLI's progress output) sees each event once.
/// </summary>
/// <param name="context">The orchestration context.</param>
/// <param name="inner">Where new events go.</param>
internal sealed class ReplaySafeHistorySink(TaskOrchestrationContext context, IHistorySink inner) : IHistorySink
{
    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        if (!context.IsReplaying)
        {
            inner.Record(historyEvent);
        }
    }
}
