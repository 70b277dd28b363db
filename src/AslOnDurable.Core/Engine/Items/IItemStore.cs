namespace AslOnDurable.Core.Engine.Items;

/// <summary>
/// Where a distributed Map's item sets and result files live: containers of named blobs. S3's <c>Bucket</c> names a
/// container and <c>Key</c>/<c>Prefix</c> a blob name or name prefix, so definitions written for S3 run unchanged.
/// </summary>
/// <remarks>
/// Implementations: Azure Blob Storage (a storage account or Azurite) and a local folder standing in for an account
/// (containers as sub-folders), both in AslOnDurable.Runtime. Readers stream: nothing here loads a whole blob.
/// </remarks>
public interface IItemStore
{
    /// <summary>Opens a blob for streaming reads, or returns <see langword="null"/> when the container or blob does not exist.</summary>
    Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken);

    /// <summary>
    /// Lists the blobs whose names start with <paramref name="prefix"/> in ordinal name order (as S3's ListObjectsV2
    /// does); an absent container lists nothing.
    /// </summary>
    IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, CancellationToken cancellationToken);

    /// <summary>Writes (creates or replaces) a blob, creating its container when needed, and returns its size in bytes.</summary>
    Task<long> WriteAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>Deletes a blob; an absent container or blob is no error (a map run's working data once it ended).</summary>
    Task DeleteAsync(string container, string name, CancellationToken cancellationToken);
}
