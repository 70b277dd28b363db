using System.Runtime.CompilerServices;
using AslOnDurable.Core.Engine.Items;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace AslOnDurable.Runtime.Storage;

/// <summary>Item storage in an Azure Storage account (or Azurite): S3 buckets are blob containers, keys are blob names.</summary>
/// <param name="service">The account's blob service.</param>
public sealed class AzureBlobItemStore(BlobServiceClient service) : IItemStore
{
    /// <summary>Creates the store for a connection string.</summary>
    public AzureBlobItemStore(string connectionString)
        : this(new BlobServiceClient(connectionString))
    {
    }

    /// <inheritdoc/>
    public async Task<Stream?> OpenReadAsync(string container, string name, CancellationToken cancellationToken)
    {
        var blob = service.GetBlobContainerClient(container).GetBlobClient(name);
        try
        {
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<StoredBlob> ListAsync(string container, string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        var pages = client.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix.Length == 0 ? null : prefix, cancellationToken).ConfigureAwait(false);
        await using var items = pages.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                {
                    yield break;
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                yield break;
            }

            var item = items.Current;
            var etag = item.Properties.ETag?.ToString() ?? string.Empty;
            if (etag.Length > 0 && etag[0] != '"')
            {
                etag = '"' + etag + '"';
            }

            yield return new StoredBlob(item.Name, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.UnixEpoch, etag);
        }
    }

    /// <inheritdoc/>
    public async Task<long> WriteAsync(string container, string name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var client = service.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await client.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: true, cancellationToken).ConfigureAwait(false);
        return content.Length;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string container, string name, CancellationToken cancellationToken)
    {
        try
        {
            await service.GetBlobContainerClient(container).GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container is gone: nothing to delete.
        }
    }
}
