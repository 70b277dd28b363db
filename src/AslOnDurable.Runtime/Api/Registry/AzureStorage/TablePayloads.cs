using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Puts a JSON document into a table row: split over the string properties <c>Json</c>, <c>Json1</c>, … (a property
/// holds at most 32K characters, a row 1 MiB), or, when larger, into a blob of its own named by <c>JsonBlob</c>.
/// </summary>
/// <param name="blobs">The container for large documents.</param>
internal sealed class TablePayloads(BlobContainerClient blobs)
{
    /// <summary>Characters per property (Azure allows 32,768 UTF-16 characters).</summary>
    public const int ChunkChars = 30_000;

    /// <summary>The most characters kept in the row itself (about 720 KB, leaving room in a 1 MiB row and a 4 MiB batch).</summary>
    public const int MaxInlineChars = 12 * ChunkChars;

    private const string Json = "Json";
    private const string JsonBlob = "JsonBlob";

    /// <summary>Writes <paramref name="json"/> into <paramref name="entity"/>, uploading a blob first when it is too large.</summary>
    /// <param name="entity">The row (its keys set).</param>
    /// <param name="json">The document.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the row holds the document (and any blob exists).</returns>
    public async Task WriteAsync(TableEntity entity, string json, CancellationToken cancellationToken)
    {
        if (json.Length <= MaxInlineChars)
        {
            for (int i = 0, n = 0; i < json.Length || n == 0; i += ChunkChars, n++)
            {
                entity[n == 0 ? Json : Json + n] = json.Substring(i, Math.Min(ChunkChars, json.Length - i));
            }

            return;
        }

        // A fresh name per write: a writer that loses a race on the row never replaces the winner's blob.
        string name = $"records/{Guid.NewGuid():N}.json";
        await blobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), cancellationToken).ConfigureAwait(false);
        entity[JsonBlob] = name;
    }

    /// <summary>Reads the document of a row.</summary>
    /// <param name="entity">The row.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The document.</returns>
    public async Task<string> ReadAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        if (entity.GetString(JsonBlob) is { } name)
        {
            var content = await blobs.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToString();
        }

        string first = entity.GetString(Json) ?? throw new InvalidDataException($"The row {entity.PartitionKey}/{entity.RowKey} holds no document.");
        if (!entity.ContainsKey(Json + 1))
        {
            return first;
        }

        StringBuilder text = new(first);
        for (int n = 1; entity.GetString(Json + n) is { } chunk; n++)
        {
            text.Append(chunk);
        }

        return text.ToString();
    }

    /// <summary>The blob a row's document was written to, or <c>null</c> when the row holds it.</summary>
    /// <param name="entity">The row.</param>
    /// <returns>The blob name.</returns>
    public static string? BlobOf(TableEntity entity) => entity.GetString(JsonBlob);

    /// <summary>Deletes the blob a row's document was written to, if any (best effort: a missing blob is fine).</summary>
    /// <param name="entity">The row as it was written.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when deleted.</returns>
    public Task DeleteBlobAsync(TableEntity entity, CancellationToken cancellationToken) => DeleteBlobAsync(BlobOf(entity), cancellationToken);

    /// <summary>Deletes a document's blob (best effort: a missing blob is fine).</summary>
    /// <param name="name">The blob name, or <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when deleted.</returns>
    public async Task DeleteBlobAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return;
        }

        try
        {
            await blobs.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // An orphan blob costs storage, never correctness: nothing reads it again.
        }
    }

    /// <summary>The approximate size of a row in a batch (its UTF-16 text).</summary>
    /// <param name="entity">The row.</param>
    /// <returns>The size in bytes.</returns>
    public static long SizeOf(TableEntity entity) =>
        entity.Sum(p => p.Value is string s ? 2L * s.Length : 16L) + 2L * (entity.PartitionKey.Length + entity.RowKey.Length);
}
