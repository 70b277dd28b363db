using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// One page of GetExecutionHistory, read by event id: oldest first from the token's id upwards, or newest first from the
/// token's id (or the last id) downwards, asking the history store for that id range only (event ids are consecutive
/// per instance). Only a closed execution whose recorded events lack the closing event, at the page that reaches the
/// end, reads the whole history to add it (<see cref="ClosingEvents"/>).
/// </summary>
/// <param name="store">The history store.</param>
/// <param name="instanceId">The execution's durable instance.</param>
/// <param name="outcome">Where the execution stands.</param>
internal sealed class HistoryPages(IExecutionHistoryStore store, string instanceId, ExecutionOutcome outcome)
{
    /// <summary>Reads a page.</summary>
    /// <param name="reverse">Newest first.</param>
    /// <param name="size">The page size.</param>
    /// <param name="from">The id the page starts at (from the token), or <c>null</c> for the first page.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The events and the id the next page starts at (<c>null</c> on the last page).</returns>
    public Task<(IReadOnlyList<HistoryEvent> Page, long? Next)> ReadAsync(bool reverse, int size, long? from, CancellationToken cancellationToken) =>
        reverse ? NewestFirstAsync(size, from, cancellationToken) : OldestFirstAsync(size, from ?? 1, cancellationToken);

    private async Task<(IReadOnlyList<HistoryEvent>, long?)> OldestFirstAsync(int size, long from, CancellationToken cancellationToken)
    {
        IReadOnlyList<HistoryEvent> read = await store.RangeAsync(instanceId, from, long.MaxValue, size + 1, cancellationToken).ConfigureAwait(false);
        if (read.Count > size)
        {
            return ([.. read.Take(size)], read[size].Id);
        }

        if (read.Count > 0 && !ClosingEvents.Lacks(read[^1], outcome))
        {
            return (read, null);
        }

        List<HistoryEvent> rest = [.. (await CompleteAsync(cancellationToken).ConfigureAwait(false)).Where(e => e.Id >= from)];
        return ([.. rest.Take(size)], rest.Count > size ? rest[size].Id : null);
    }

    private async Task<(IReadOnlyList<HistoryEvent>, long?)> NewestFirstAsync(int size, long? from, CancellationToken cancellationToken)
    {
        long top = from ?? await store.LastIdAsync(instanceId, cancellationToken).ConfigureAwait(false);
        long low = Math.Max(1, top - size);
        List<HistoryEvent> read = [.. await store.RangeAsync(instanceId, low, top, size + 1, cancellationToken).ConfigureAwait(false)];
        if (from is null && ClosingEvents.Lacks(read.Count > 0 ? read[^1] : null, outcome))
        {
            List<HistoryEvent> all = [.. (await CompleteAsync(cancellationToken).ConfigureAwait(false)).Reverse()];
            return ([.. all.Take(size)], all.Count > size ? all[size].Id : null);
        }

        read.Reverse();
        return read.Count > size ? ([.. read.Take(size)], read[size].Id)
            : ((IReadOnlyList<HistoryEvent>, long?))(read, low > 1 ? low - 1 : null);
    }

    private async Task<IReadOnlyList<HistoryEvent>> CompleteAsync(CancellationToken cancellationToken) =>
        ClosingEvents.Complete(await store.EventsAsync(instanceId, cancellationToken).ConfigureAwait(false), outcome);
}
