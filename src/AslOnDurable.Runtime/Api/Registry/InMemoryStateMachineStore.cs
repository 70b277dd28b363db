using System.Collections.Concurrent;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>State machines kept in this process (the embedded default): gone when it ends.</summary>
public sealed class InMemoryStateMachineStore : IStateMachineStore
{
    private readonly ConcurrentDictionary<string, StateMachineRecord> machines = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<StateMachineRecord?> GetAsync(string arn, CancellationToken cancellationToken) =>
        Task.FromResult(machines.GetValueOrDefault(arn));

    /// <inheritdoc />
    public Task<StateMachineRecord> GetOrAddAsync(StateMachineRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(machines.GetOrAdd(record.Arn, record));
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAsync(StateMachineRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        while (machines.TryGetValue(record.Arn, out StateMachineRecord? current))
        {
            if (machines.TryUpdate(record.Arn, record, current))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken) => Task.FromResult(machines.TryRemove(arn, out _));

    /// <inheritdoc />
    public Task<IReadOnlyList<StateMachineRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StateMachineRecord>>([.. machines.Values.OrderBy(m => m.Name, StringComparer.Ordinal)]);
}
