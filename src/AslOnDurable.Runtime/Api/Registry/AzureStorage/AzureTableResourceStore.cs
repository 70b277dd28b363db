using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Resources of one kind in the registry table (partition = the kind, row = the escaped ARN, the record as JSON), so
/// they outlive the process and every host on the storage account sees the same ones.
/// </summary>
/// <remarks>
/// Writes are conditional: an add fails when the row exists (the existing record is answered, as in memory), and
/// <see cref="ReplaceAsync(TRecord, TRecord, CancellationToken)"/> carries the ETag the expected record was read with,
/// so two hosts never overwrite each other's change unseen.
/// </remarks>
/// <typeparam name="TRecord">The record.</typeparam>
public abstract class AzureTableResourceStore<TRecord> : IResourceStore<TRecord>
    where TRecord : class
{
    private readonly ApiTableStorage storage;
    private readonly string kind;
    private readonly JsonTypeInfo<TRecord> json;
    private readonly Func<TRecord, string> arnOf;
    private readonly Func<TRecord, string> nameOf;
    private readonly ConditionalWeakTable<TRecord, RowVersion> versions = [];

    /// <summary>Creates the store.</summary>
    /// <param name="storage">The tables.</param>
    /// <param name="kind">The partition of this kind of resource.</param>
    /// <param name="json">How records are written.</param>
    /// <param name="arnOf">The ARN of a record.</param>
    /// <param name="nameOf">The name of a record (list order).</param>
    private protected AzureTableResourceStore(
        ApiTableStorage storage, string kind, JsonTypeInfo<TRecord> json, Func<TRecord, string> arnOf, Func<TRecord, string> nameOf)
    {
        this.storage = storage;
        this.kind = kind;
        this.json = json;
        this.arnOf = arnOf;
        this.nameOf = nameOf;
    }

    /// <inheritdoc />
    public async Task<TRecord?> GetAsync(string arn, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await storage.Registry.GetEntityIfExistsAsync<TableEntity>(kind, TableItemCodec.Escape(arn), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? await ReadAsync(row.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc />
    public async Task<TRecord> GetOrAddAsync(TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        TableEntity row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            try
            {
                Response added = await storage.Registry.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
                Remember(record, row, added.Headers.ETag ?? ETag.All);
                return record;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                if (await GetAsync(arnOf(record), cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    await storage.Payloads.DeleteBlobAsync(row, cancellationToken).ConfigureAwait(false);
                    return existing;
                }

                // Deleted between the add and the read: try again.
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceAsync(TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        while (await GetAsync(arnOf(record), cancellationToken).ConfigureAwait(false) is { } current)
        {
            if (await ReplaceAsync(current, record, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public async Task<bool> ReplaceAsync(TRecord expected, TRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(record);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        if (!versions.TryGetValue(expected, out RowVersion? version))
        {
            // Not read through this store: compare with what is stored now.
            TRecord? current = await GetAsync(arnOf(expected), cancellationToken).ConfigureAwait(false);
            if (current is null || !current.Equals(expected) || !versions.TryGetValue(current, out version))
            {
                return false;
            }
        }

        TableEntity row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
        try
        {
            Response updated = await storage.Registry.UpdateEntityAsync(row, version.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            Remember(record, row, updated.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            await storage.Payloads.DeleteBlobAsync(row, cancellationToken).ConfigureAwait(false);
            return false;
        }

        await storage.Payloads.DeleteBlobAsync(version.Blob, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string arn, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await storage.Registry.GetEntityIfExistsAsync<TableEntity>(kind, TableItemCodec.Escape(arn), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            return false;
        }

        Response deleted = await storage.Registry.DeleteEntityAsync(kind, row.Value!.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
        if (deleted.Status == 404)
        {
            return false;
        }

        await storage.Payloads.DeleteBlobAsync(row.Value, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        List<TRecord> records = [];
        await foreach (TableEntity row in storage.Registry.QueryAsync<TableEntity>(e => e.PartitionKey == kind, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            records.Add(await ReadAsync(row, cancellationToken).ConfigureAwait(false));
        }

        return [.. records.OrderBy(nameOf, StringComparer.Ordinal)];
    }

    private async Task<TableEntity> RowAsync(TRecord record, CancellationToken cancellationToken)
    {
        TableEntity row = new(kind, TableItemCodec.Escape(arnOf(record)));
        await storage.Payloads.WriteAsync(row, JsonSerializer.Serialize(record, json), cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<TRecord> ReadAsync(TableEntity row, CancellationToken cancellationToken)
    {
        TRecord record = JsonSerializer.Deserialize(await storage.Payloads.ReadAsync(row, cancellationToken).ConfigureAwait(false), json)
            ?? throw new InvalidDataException($"The row {row.PartitionKey}/{row.RowKey} holds no record.");
        Remember(record, row, row.ETag);
        return record;
    }

    private void Remember(TRecord record, TableEntity row, ETag etag) => versions.AddOrUpdate(record, new RowVersion(etag, TablePayloads.BlobOf(row)));

    /// <summary>What a record was read or written with: the row's ETag and the blob holding its document, if any.</summary>
    private sealed record RowVersion(ETag ETag, string? Blob);
}
