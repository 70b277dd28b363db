using System.Collections.Concurrent;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Execution records kept in this process (the embedded default, whose executions live in memory too).</summary>
public sealed class InMemoryExecutionIndex : IExecutionIndex
{
    private readonly ConcurrentDictionary<string, ExecutionRecord> executions = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<ExecutionRecord> GetOrAddAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(executions.GetOrAdd(record.ExecutionArn, record));
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
    public Task<bool> RecordClosedAsync(ExecutionRecord record, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outcome);
        ExecutionRecord closed = record with { Closed = new ExecutionOutcome(outcome.Status, outcome.StopDate), ClosedAtRedriveCount = record.RedriveCount };
        return Task.FromResult(executions.TryUpdate(record.ExecutionArn, closed, record));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ExecutionRecord>> ListAsync(string stateMachineArn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ExecutionRecord>>([.. executions.Values
            .Where(e => e.StateMachineArn == stateMachineArn)
            .OrderByDescending(e => e.StartDate)
            .ThenBy(e => e.ExecutionArn, StringComparer.Ordinal)]);
}
