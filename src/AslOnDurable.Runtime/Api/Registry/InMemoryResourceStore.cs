using System.Collections.Concurrent;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Resources kept in this process (the embedded default): gone when it ends.</summary>
/// <typeparam name="TRecord">The record.</typeparam>
/// <param name="arnOf">The ARN of a record.</param>
/// <param name="nameOf">The name of a record (list order).</param>
public abstract class InMemoryResourceStore<TRecord>(Func<TRecord, string> arnOf, Func<TRecord, string> nameOf) : IResourceStore<TRecord>
    where TRecord : class
{
    private readonly ConcurrentDictionary<string, TRecord> records = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<TRecord?> GetAsync(string arn, CancellationToken cancellationToken) => Task.FromResult(records.GetValueOrDefault(arn));

    /// <inheritdoc />
    public Task<TRecord> GetOrAddAsync(TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(records.GetOrAdd(arnOf(record), record));
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAsync(TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        string arn = arnOf(record);
        while (records.TryGetValue(arn, out TRecord? current))
        {
            if (records.TryUpdate(arn, record, current))
            {
                return Task.FromResult(true);
            }
        }

        return Task.FromResult(false);
    }

    /// <inheritdoc />
    public Task<bool> ReplaceAsync(TRecord expected, TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(record);
        return Task.FromResult(records.TryUpdate(arnOf(record), record, expected));
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken) => Task.FromResult(records.TryRemove(arn, out _));

    /// <inheritdoc />
    public Task<IReadOnlyList<TRecord>> ListAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TRecord>>([.. records.Values.OrderBy(nameOf, StringComparer.Ordinal)]);
}
