namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where one kind of registered resource lives, by ARN (state machines, activities).</summary>
/// <typeparam name="TRecord">The record.</typeparam>
public interface IResourceStore<TRecord>
    where TRecord : class
{
    /// <summary>Finds a resource by ARN.</summary>
    /// <param name="arn">The ARN.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The record, or <c>null</c>.</returns>
    Task<TRecord?> GetAsync(string arn, CancellationToken cancellationToken);

    /// <summary>Adds a resource unless one with its ARN exists.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The stored record: <paramref name="record"/>, or the one that already existed.</returns>
    Task<TRecord> GetOrAddAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces an existing resource.</summary>
    /// <param name="record">The new record (same ARN).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> ReplaceAsync(TRecord record, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces a resource only if it still is <paramref name="expected"/> (a record read from this store): the
    /// compare-and-swap behind read-modify-write changes, so concurrent writers (threads or hosts) never lose an update.
    /// </summary>
    /// <param name="expected">The record as it was read.</param>
    /// <param name="record">The new record (same ARN).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it was replaced; <c>false</c> when it changed or was deleted since (read it again and retry).</returns>
    Task<bool> ReplaceAsync(TRecord expected, TRecord record, CancellationToken cancellationToken);

    /// <summary>Removes a resource.</summary>
    /// <param name="arn">The ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it existed.</returns>
    Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken);

    /// <summary>Lists every resource, by name.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The records in ordinal name order.</returns>
    Task<IReadOnlyList<TRecord>> ListAsync(CancellationToken cancellationToken);
}
