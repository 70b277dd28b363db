using System.Runtime.CompilerServices;
using System.Text.Json;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure;
using Azure.Data.Tables;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Execution records in the executions table: one partition per state machine (so ListExecutions reads one partition),
/// one row per execution ARN with the record as JSON and its start date and durable instance id as columns.
/// </summary>
/// <remarks>
/// The partition comes from the ARN alone (region, account and state machine name), so a lookup by execution ARN needs
/// no second index. An add fails when the row exists and answers the stored record (StartExecution's idempotency holds
/// across hosts: one start wins). A closed status seen (<see cref="RecordClosedAsync"/>) goes into columns of its own,
/// merged under the ETag the record was read with, so it never overwrites a newer record; a replace drops them.
/// </remarks>
/// <param name="storage">The tables.</param>
public sealed class AzureExecutionIndex(ApiTableStorage storage) : IExecutionIndex
{
    private const string ClosedStatus = "ClosedStatus";
    private const string ClosedStopDate = "ClosedStopDate";
    private const string ClosedAtRedriveCount = "ClosedAtRedriveCount";

    private readonly ConditionalWeakTable<ExecutionRecord, StrongBox<ETag>> etags = [];

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
                await storage.Executions.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
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
    public async Task ReplaceAsync(ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var old = await storage.Executions.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(record.ExecutionArn), TableItemCodec.Escape(record.ExecutionArn), ["JsonBlob"], cancellationToken).ConfigureAwait(false);
        TableEntity row = await RowAsync(record, cancellationToken).ConfigureAwait(false);
        await storage.Executions.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        if (old.HasValue)
        {
            await storage.Payloads.DeleteBlobAsync(old.Value!, cancellationToken).ConfigureAwait(false);
        }
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
        try
        {
            await storage.Executions.UpdateEntityAsync(columns, etag.Value, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ExecutionRecord>> ListAsync(string stateMachineArn, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string partition = PartitionOf(stateMachineArn);
        List<ExecutionRecord> records = [];
        await foreach (TableEntity row in storage.Executions.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken)
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
