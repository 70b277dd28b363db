using System.Collections.Concurrent;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Execution records kept in this process (the embedded default, whose executions live in memory too).</summary>
/// <remarks>Each state machine's executions are also kept in newest-first key order, so a page reads from where the last one ended.</remarks>
public sealed class InMemoryExecutionIndex : IExecutionIndex
{
    private readonly ConcurrentDictionary<string, ExecutionRecord> executions = new(StringComparer.Ordinal);
    private static readonly Comparer<(string Key, string Arn)> ByKey = Comparer<(string Key, string Arn)>.Create((a, b) => string.CompareOrdinal(a.Key, b.Key));
    private readonly Dictionary<string, SortedSet<(string Key, string Arn)>> byMachine = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ExecutionRecord> GetOrAddAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ExecutionRecord stored = executions.GetOrAdd(record.ExecutionArn, record);
        if (ReferenceEquals(stored, record))
        {
            lock (byMachine)
            {
                if (!byMachine.TryGetValue(record.StateMachineArn, out SortedSet<(string Key, string Arn)>? keys))
                {
                    byMachine[record.StateMachineArn] = keys = new(ByKey);
                }

                keys.Add((ExecutionListing.KeyOf(record.StartDate, record.ExecutionArn), record.ExecutionArn));
            }
        }

        return Task.FromResult(stored);
    }

    /// <inheritdoc />
    public Task<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken) =>
        Task.FromResult(executions.GetValueOrDefault(executionArn));

    /// <inheritdoc />
    public Task ReplaceAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        executions[record.ExecutionArn] = record;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAsync(ExecutionRecord expected, ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(executions.TryGetValue(expected.ExecutionArn, out ExecutionRecord? current)
            && ReferenceEquals(current, expected)
            && executions.TryUpdate(expected.ExecutionArn, record, expected));
    }

    /// <inheritdoc />
    public Task<bool> RecordClosedAsync(ExecutionRecord record, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outcome);
        ExecutionRecord closed = record with { Closed = new ExecutionOutcome(outcome.Status, outcome.StopDate), ClosedAtRedriveCount = record.RedriveCount };
        return Task.FromResult(executions.TryUpdate(record.ExecutionArn, closed, record));
    }

    /// <inheritdoc />
    public Task<bool> RecordClosedAsync(ExecutionListing listing, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return executions.TryGetValue(listing.ExecutionArn, out ExecutionRecord? current) && ExecutionListing.Of(current) == listing
            ? RecordClosedAsync(current, outcome, cancellationToken)
            : Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ExecutionRecord>> ListAsync(string stateMachineArn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExecutionRecord>>([.. executions.Values
            .Where(e => e.StateMachineArn == stateMachineArn)
            .OrderByDescending(e => e.StartDate)
            .ThenBy(e => e.ExecutionArn, StringComparer.Ordinal)]);

    /// <inheritdoc />
    public Task<ExecutionPage> PageAsync(ExecutionFilter filter, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<ExecutionListing> page = [];
        bool more = false;
        lock (byMachine)
        {
            if (byMachine.TryGetValue(filter.StateMachineArn, out SortedSet<(string Key, string Arn)>? keys) 
                && (after is null || (keys.Count > 0 && string.CompareOrdinal(after, keys.Max.Key) < 0)))
            {
                IEnumerable<(string Key, string Arn)> from = after is null ? keys : keys.GetViewBetween((after, string.Empty), (keys.Max.Key, string.Empty));
                foreach ((string key, string arn) in from)
                {
                    ExecutionListing listing = ExecutionListing.Of(executions[arn]);
                    if (key == after || !filter.Keeps(listing))
                    {
                        continue;
                    }

                    if (page.Count == size)
                    {
                        more = true;
                        break;
                    }

                    page.Add(listing);
                }
            }
        }

        return Task.FromResult(new ExecutionPage(page, more));
    }
}
