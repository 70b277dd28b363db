using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Execution records in the executions table: one partition per state machine, one row per execution ARN with the record
/// as JSON and its start date and durable instance id as columns, and beside it in the same partition one listing row
/// (<see cref="ExecutionListing"/> as columns) keyed <c>~</c> + <see cref="ExecutionListing.Key"/>, so ListExecutions pages
/// newest first with one range query per page, its filters (status, version or alias, redriven, map run) applied by the service.
/// </summary>
/// <remarks>
/// The partition comes from the ARN alone (region, account and state machine name), so a lookup by execution ARN needs
/// no second index. An add fails when the row exists and answers the stored record (StartExecution's idempotency holds
/// across hosts: one start wins). A closed status seen (<see cref="RecordClosedAsync(ExecutionRecord, ExecutionOutcome, CancellationToken)"/>) goes into columns of its own,
/// merged under the ETag the record was read with, so it never overwrites a newer record; a replace drops them.
/// Both rows of an execution change together in one entity-group transaction, so the listing row's ETag changes with the
/// record and <see cref="RecordClosedAsync(ExecutionListing, ExecutionOutcome, CancellationToken)"/> can be conditional on it.
/// Executions recorded by a version before listing rows existed get theirs lazily: the first page this process reads of
/// a partition checks for the partition's marker row (<c>~~listed</c>, outside every range queried) and, when it is
/// missing, adds the listing rows the partition's records lack (an add that finds the row there changes nothing), then
/// writes the marker; so a partition costs one point read per process once migrated.
/// </remarks>
/// <param name="storage">The tables.</param>
public sealed class AzureExecutionIndex(ApiTableStorage storage) : IExecutionIndex
{
    private const string ClosedStatus = "ClosedStatus";
    private const string ClosedStopDate = "ClosedStopDate";
    private const string ClosedAtRedriveCount = "ClosedAtRedriveCount";

    /// <summary>Where listing row keys start (after every execution ARN, which starts with <c>arn</c>).</summary>
    private const string ListingPrefix = "~";

    /// <summary>Above every listing row key.</summary>
    private const string ListingEnd = "~~";

    /// <summary>The row marking that every record of its partition has its listing row (above <see cref="ListingEnd"/>).</summary>
    private const string ListedMarker = "~~listed";

    private readonly ConcurrentDictionary<string, bool> listedPartitions = new(StringComparer.Ordinal);
    private readonly ConditionalWeakTable<ExecutionRecord, StrongBox<ETag>> etags = [];
    private readonly ConditionalWeakTable<ExecutionListing, StrongBox<ETag>> listingEtags = [];

    /// <inheritdoc />
    public async Task<ExecutionRecord> GetOrAddAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        TableEntity row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            try
            {
                await storage.Executions.SubmitTransactionAsync(
                    [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, ListingRow(ExecutionListing.Of(record)))],
                    cancellationToken).ConfigureAwait(false);
                return record;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                await storage.Payloads.DeleteBlobAsync(row, cancellationToken).ConfigureAwait(false);
                if (await GetAsync(record.ExecutionArn, cancellationToken).ConfigureAwait(false) is { } existing)
                {
                    return existing;
                }

                row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<ExecutionRecord?> GetAsync(string executionArn, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var row = await storage.Executions.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(executionArn), TableItemCodec.Escape(executionArn), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? await ReadAsync(row.Value!, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <inheritdoc />
    public Task ReplaceAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteReplacingAsync(record, etag: null, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>Under the ETag <paramref name="expected"/> was read with (a record this index did not read is never replaced).</remarks>
    public Task<bool> ReplaceAsync(ExecutionRecord expected, ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(record);
        return etags.TryGetValue(expected, out StrongBox<ETag>? etag)
            ? WriteReplacingAsync(record, etag.Value, cancellationToken)
            : Task.FromResult(false);
    }

    /// <summary>
    /// Writes both rows of a record over the stored ones: unconditionally, or only while the record row still has
    /// <paramref name="etag"/>. The new record is then known by its new ETag (a later compare-and-swap may start from it).
    /// </summary>
    /// <returns>Whether it was written (<c>false</c> only for a conditional write that found the row changed or gone).</returns>
    private async Task<bool> WriteReplacingAsync(ExecutionRecord record, ETag? etag, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var old = await storage.Executions.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(record.ExecutionArn), TableItemCodec.Escape(record.ExecutionArn), ["JsonBlob"], cancellationToken).ConfigureAwait(false);
        TableEntity row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
        TableTransactionAction recordRow = etag is { } expected
            ? new(TableTransactionActionType.UpdateReplace, row, expected)
            : new(TableTransactionActionType.UpsertReplace, row);
        Response<IReadOnlyList<Response>> written;
        try
        {
            written = await storage.Executions.SubmitTransactionAsync(
                [recordRow, new(TableTransactionActionType.UpsertReplace, ListingRow(ExecutionListing.Of(record)))],
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (etag is not null && e.Status is 404 or 412)
        {
            await storage.Payloads.DeleteBlobAsync(row, cancellationToken).ConfigureAwait(false);
            return false;
        }

        if (written.Value.Count > 0 && written.Value[0].Headers.ETag is { } newTag)
        {
            etags.AddOrUpdate(record, new StrongBox<ETag>(newTag));
        }

        if (old.HasValue)
        {
            await storage.Payloads.DeleteBlobAsync(old.Value!, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public async Task<bool> RecordClosedAsync(ExecutionRecord record, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!etags.TryGetValue(record, out StrongBox<ETag>? etag))
        {
            return false;
        }

        TableEntity columns = new(PartitionOf(record.ExecutionArn), TableItemCodec.Escape(record.ExecutionArn))
        {
            [ClosedStatus] = outcome.Status,
            [ClosedStopDate] = outcome.StopDate,
            [ClosedAtRedriveCount] = record.RedriveCount,
        };
        return await MergeClosedAsync(
            new(TableTransactionActionType.UpdateMerge, columns, etag.Value),
            new(TableTransactionActionType.UpdateMerge, ClosedListingColumns(record.StartDate, record.ExecutionArn, outcome), ETag.All),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<bool> RecordClosedAsync(ExecutionListing listing, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(outcome);
        if (!listingEtags.TryGetValue(listing, out StrongBox<ETag>? etag))
        {
            return false;
        }

        TableEntity columns = new(PartitionOf(listing.ExecutionArn), TableItemCodec.Escape(listing.ExecutionArn))
        {
            [ClosedStatus] = outcome.Status,
            [ClosedStopDate] = outcome.StopDate,
            [ClosedAtRedriveCount] = listing.RedriveCount,
        };
        return await MergeClosedAsync(
            new(TableTransactionActionType.UpdateMerge, columns, ETag.All),
            new(TableTransactionActionType.UpdateMerge, ClosedListingColumns(listing.StartDate, listing.ExecutionArn, outcome), etag.Value),
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ExecutionPage> PageAsync(ExecutionFilter filter, string? after, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string partition = PartitionOf(filter.StateMachineArn);
        await EnsureListedAsync(partition, cancellationToken).ConfigureAwait(false);
        string from = ListingPrefix + (after ?? string.Empty);
        string query = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and RowKey lt {ListingEnd} and StateMachineArn eq {filter.StateMachineArn}");
        if (filter.Status is ExecutionListing.NotKnownClosed)
        {
            query += TableClient.CreateQueryFilter($" and Status eq {ExecutionListing.NotKnownClosed}");
        }
        else if (filter.Status is { } status)
        {
            // Pending redrives too (ExecutionFilter.Status): their status depends on the time, ListExecutions decides.
            query += TableClient.CreateQueryFilter($" and (Status eq {status} or Status eq {ExecutionListing.PendingRedrive})");
        }

        if (filter.StartedBy is { } startedBy)
        {
            query += TableClient.CreateQueryFilter($" and (VersionArn eq {startedBy} or AliasArn eq {startedBy})");
        }

        if (filter.MapRunArn is { } mapRun)
        {
            query += TableClient.CreateQueryFilter($" and MapRunArn eq {mapRun}");
        }

        if (filter.Redriven is { } redriven)
        {
            query += redriven
                ? " and RedriveCount gt 0"
                : TableClient.CreateQueryFilter($" and (RedriveCount eq 0 or (RedriveCount eq 1 and Status eq {ExecutionListing.PendingRedrive}))");
        }

        List<ExecutionListing> page = [];
        await foreach (TableEntity row in storage.Executions.QueryAsync<TableEntity>(query, maxPerPage: Math.Min(size + 1, 1000), cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            if (page.Count == size)
            {
                return new ExecutionPage(page, More: true);
            }

            ExecutionListing listing = Listing(row);
            listingEtags.AddOrUpdate(listing, new StrongBox<ETag>(row.ETag));
            page.Add(listing);
        }

        return new ExecutionPage(page, More: false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExecutionRecord>> ListAsync(string stateMachineArn, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string partition = PartitionOf(stateMachineArn);
        List<ExecutionRecord> records = [];
        await foreach (TableEntity row in storage.Executions.QueryAsync<TableEntity>(e => e.PartitionKey == partition && e.RowKey.CompareTo(ListingPrefix) < 0, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            ExecutionRecord record = await ReadAsync(row, cancellationToken).ConfigureAwait(false);
            if (record.StateMachineArn == stateMachineArn)
            {
                records.Add(record);
            }
        }

        return [.. records.OrderByDescending(e => e.StartDate).ThenBy(e => e.ExecutionArn, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The partition of a state machine's executions, from its ARN or one of its executions' ARNs
    /// (<c>arn:aws:states:region:account:{stateMachine|execution|express}:name[:…]</c>): region, account and name.
    /// </summary>
    /// <param name="arn">A state machine or execution ARN.</param>
    /// <returns>The partition key.</returns>
    public static string PartitionOf(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        string[] parts = arn.Split(':');
        return TableItemCodec.Escape(parts.Length >= 7 ? string.Join(':', parts[3], parts[4], parts[6]) : arn);
    }

    /// <summary>
    /// Gives every record of a partition its listing row, once: records written before listing rows existed have none
    /// (idempotent, see the remarks on the class).
    /// </summary>
    private async Task EnsureListedAsync(string partition, CancellationToken cancellationToken)
    {
        if (listedPartitions.ContainsKey(partition))
        {
            return;
        }

        var marker = await storage.Executions.GetEntityIfExistsAsync<TableEntity>(partition, ListedMarker, ["RowKey"], cancellationToken).ConfigureAwait(false);
        if (!marker.HasValue)
        {
            HashSet<string> records = new(StringComparer.Ordinal);
            HashSet<string> listed = new(StringComparer.Ordinal);
            string all = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {ListingEnd}");
            await foreach (TableEntity row in storage.Executions.QueryAsync<TableEntity>(all, select: ["RowKey", "Arn"], cancellationToken: cancellationToken)
                .ConfigureAwait(false))
            {
                if (row.RowKey.StartsWith(ListingPrefix, StringComparison.Ordinal))
                {
                    listed.Add(TableItemCodec.Escape(row.GetString("Arn") ?? string.Empty));
                }
                else
                {
                    records.Add(row.RowKey);
                }
            }

            foreach (string rowKey in records.Except(listed))
            {
                var row = await storage.Executions.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (row.HasValue)
                {
                    ExecutionRecord record = await ReadAsync(row.Value!, cancellationToken).ConfigureAwait(false);
                    try
                    {
                        await storage.Executions.AddEntityAsync(ListingRow(ExecutionListing.Of(record)), cancellationToken).ConfigureAwait(false);
                    }
                    catch (RequestFailedException e) when (e.Status == 409)
                    {
                        // Written meanwhile (a replace, or another host's backfill): that row is as new as this one.
                    }
                }
            }

            await storage.Executions.UpsertEntityAsync(new TableEntity(partition, ListedMarker), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        listedPartitions.TryAdd(partition, true);
    }

    private async Task<bool> MergeClosedAsync(TableTransactionAction record, TableTransactionAction listing, CancellationToken cancellationToken)
    {
        try
        {
            await storage.Executions.SubmitTransactionAsync([record, listing], cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private static TableEntity ClosedListingColumns(DateTimeOffset startDate, string executionArn, ExecutionOutcome outcome) =>
        new(PartitionOf(executionArn), ListingPrefix + ExecutionListing.KeyOf(startDate, executionArn))
        {
            ["Status"] = outcome.Status,
            ["StopDate"] = outcome.StopDate,
        };

    private static TableEntity ListingRow(ExecutionListing listing) =>
        new(PartitionOf(listing.ExecutionArn), ListingPrefix + listing.Key)
        {
            ["Arn"] = listing.ExecutionArn,
            ["StateMachineArn"] = listing.StateMachineArn,
            ["Name"] = listing.Name,
            ["InstanceId"] = listing.InstanceId,
            ["StartDate"] = listing.StartDate,
            ["Express"] = listing.Express,
            ["VersionArn"] = listing.StateMachineVersionArn,
            ["AliasArn"] = listing.StateMachineAliasArn,
            ["RedriveCount"] = listing.RedriveCount,
            ["RedriveDate"] = listing.RedriveDate,
            ["MapRunArn"] = listing.MapRunArn,
            ["Status"] = listing.Status,
            ["StopDate"] = listing.StopDate,
            ["StopError"] = listing.StopError,
            ["StopCause"] = listing.StopCause,
            ["RedrivenFromStatus"] = listing.RedrivenFrom?.Status,
            ["RedrivenFromStopDate"] = listing.RedrivenFrom?.StopDate,
        };

    private static ExecutionListing Listing(TableEntity row) =>
        new(row.GetString("Arn"), row.GetString("StateMachineArn"), row.GetString("Name"), row.GetString("InstanceId"),
            StartOf(row.RowKey), row.GetBoolean("Express") ?? false)
        {
            StateMachineVersionArn = row.GetString("VersionArn"),
            StateMachineAliasArn = row.GetString("AliasArn"),
            RedriveCount = row.GetInt32("RedriveCount") ?? 0,
            RedriveDate = row.GetDateTimeOffset("RedriveDate"),
            MapRunArn = row.GetString("MapRunArn"),
            Status = row.GetString("Status") ?? ExecutionListing.NotKnownClosed,
            StopDate = row.GetDateTimeOffset("StopDate"),
            StopError = row.GetString("StopError"),
            StopCause = row.GetString("StopCause"),
            RedrivenFrom = row.GetString("Status") == ExecutionListing.PendingRedrive && row.GetString("RedrivenFromStatus") is { } from
                ? new ExecutionOutcome(from, row.GetDateTimeOffset("RedrivenFromStopDate"))
                : null,
        };

    /// <summary>The exact start instant a listing row key counts down from (the date column may be stored less precisely).</summary>
    private static DateTimeOffset StartOf(string rowKey) =>
        new(long.MaxValue - long.Parse(rowKey.AsSpan(ListingPrefix.Length, 19), System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero);

    private async Task<TableEntity> RowAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        TableEntity row = new(PartitionOf(record.ExecutionArn), TableItemCodec.Escape(record.ExecutionArn))
        {
            ["StartDate"] = record.StartDate,
            ["InstanceId"] = record.InstanceId,
        };
        await storage.Payloads.WriteAsync(row, JsonSerializer.Serialize(record, ApiStoreJsonContext.Default.ExecutionRecord), cancellationToken).ConfigureAwait(false);
        return row;
    }

    private async Task<ExecutionRecord> ReadAsync(TableEntity row, CancellationToken cancellationToken)
    {
        ExecutionRecord record = JsonSerializer.Deserialize(
            await storage.Payloads.ReadAsync(row, cancellationToken).ConfigureAwait(false), ApiStoreJsonContext.Default.ExecutionRecord)
            ?? throw new InvalidDataException($"The row {row.PartitionKey}/{row.RowKey} holds no execution.");
        if (row.GetString(ClosedStatus) is { } status)
        {
            record = record with
            {
                Closed = new ExecutionOutcome(status, row.GetDateTimeOffset(ClosedStopDate)),
                ClosedAtRedriveCount = row.GetInt32(ClosedAtRedriveCount) ?? -1,
            };
        }

        etags.AddOrUpdate(record, new StrongBox<ETag>(row.ETag));
        return record;
    }
}
