using System.Globalization;
using System.Text.Json;
using System.Threading.Channels;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Integrations.DynamoDb;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Execution history in the history table: one partition per durable instance, one row per event (row key = the event
/// id, zero-padded, so a partition reads back in id order), the event as JSON (a blob when very large).
/// </summary>
/// <remarks>
/// The orchestrator records synchronously and must not wait on storage, so sinks only queue the event; one background
/// writer sends what has queued as entity-group transactions (up to 100 rows per instance each). Rows are upserts by
/// event id, so an episode that runs again after a lost worker writes the same rows, not duplicates. Reads first wait for
/// every event queued before them, so this host always reads its own writes; another host may miss the last few
/// milliseconds of events. Events still queued when the process is killed (not stopped) are lost. Once an instance's
/// events are written, a closing event among them is kept in the execution index (<see cref="ExecutionClosings"/>) before
/// the events count as written, so <see cref="FlushAsync"/> also waits for that.
/// </remarks>
public sealed class AzureExecutionHistoryStore : IExecutionHistoryStore, IAsyncDisposable, IDisposable
{
    private const int MaxBatchRows = 100;
    private const long MaxBatchBytes = 3L * 1024 * 1024;
    private const int Attempts = 3;

    private readonly ApiTableStorage storage;
    private readonly ILogger<AzureExecutionHistoryStore> logger;
    private readonly ExecutionClosings? closings;
    private readonly Channel<(string InstanceId, HistoryEvent Event)> queue =
        Channel.CreateUnbounded<(string, HistoryEvent)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;
    private long queued;
    private long written;
    private TaskCompletionSource progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts the background writer.</summary>
    /// <param name="storage">The tables.</param>
    /// <param name="logger">Reports events that could not be written.</param>
    /// <param name="closings">Keeps closings in the execution index, or <c>null</c> for none.</param>
    public AzureExecutionHistoryStore(ApiTableStorage storage, ILogger<AzureExecutionHistoryStore> logger, ExecutionClosings? closings = null)
    {
        this.storage = storage;
        this.logger = logger;
        this.closings = closings;
        writer = Task.Run(WriteAsync);
    }

    /// <inheritdoc />
    public IHistorySink SinkFor(string instanceId) => new QueueSink(this, instanceId);

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryEvent>> EventsAsync(string instanceId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string partition = TableItemCodec.Escape(instanceId);
        return await ReadAsync(storage.History.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken), int.MaxValue, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>One range query on the row keys (the zero-padded ids) of the instance's partition.</remarks>
    public async Task<IReadOnlyList<HistoryEvent>> RangeAsync(string instanceId, long fromId, long toId, int max, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {TableItemCodec.Escape(instanceId)} and RowKey ge {RowKey(Math.Max(fromId, 0))} and RowKey le {RowKey(Math.Max(toId, 0))}");
        return await ReadAsync(storage.History.QueryAsync<TableEntity>(filter, Math.Clamp(max, 1, 1000), cancellationToken: cancellationToken), max, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Reads the row keys only (no payloads); Table Storage has no descending order to read just the last row.</remarks>
    public async Task<long> LastIdAsync(string instanceId, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken).ConfigureAwait(false);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        string partition = TableItemCodec.Escape(instanceId);
        string? last = null;
        await foreach (TableEntity row in storage.History.QueryAsync<TableEntity>(e => e.PartitionKey == partition, select: ["RowKey"], cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            last = row.RowKey;
        }

        return last is null ? 0 : long.Parse(last, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    private static string RowKey(long id) => id.ToString("D19", CultureInfo.InvariantCulture);

    private async Task<IReadOnlyList<HistoryEvent>> ReadAsync(AsyncPageable<TableEntity> rows, int max, CancellationToken cancellationToken)
    {
        List<HistoryEvent> events = [];
        await foreach (TableEntity row in rows.ConfigureAwait(false))
        {
            string json = await storage.Payloads.ReadAsync(row, cancellationToken).ConfigureAwait(false);
            events.Add(JsonSerializer.Deserialize(json, ApiStoreJsonContext.Default.HistoryEvent)
                ?? throw new InvalidDataException($"The row {row.PartitionKey}/{row.RowKey} holds no event."));
            if (events.Count >= max)
            {
                break;
            }
        }

        return events;
    }

    /// <summary>Waits until every event queued before the call is written (or given up on).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when written.</returns>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        long target = Interlocked.Read(ref queued);
        while (true)
        {
            Task next = Volatile.Read(ref progress).Task;
            if (Interlocked.Read(ref written) >= target || writer.IsCompleted)
            {
                return;
            }

            await next.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes what is queued and stops the writer.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await writer.ConfigureAwait(false);
    }

    /// <summary>Writes what is queued (waiting at most 30 s) and stops the writer, for containers disposed synchronously.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        writer.Wait(TimeSpan.FromSeconds(30));
    }

    private void Enqueue(string instanceId, HistoryEvent historyEvent)
    {
        Interlocked.Increment(ref queued);
        if (!queue.Writer.TryWrite((instanceId, historyEvent)))
        {
            Interlocked.Increment(ref written); // stopped: counted, so no reader waits for it
        }
    }

    private async Task WriteAsync()
    {
        List<(string InstanceId, HistoryEvent Event)> batch = [];
        while (await queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < 1000 && queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            foreach (var instance in batch.GroupBy(i => i.InstanceId, StringComparer.Ordinal))
            {
                HistoryEvent[] events = [.. instance.Select(i => i.Event)];
                await WriteInstanceAsync(instance.Key, events).ConfigureAwait(false);
                await RecordClosingAsync(instance.Key, events).ConfigureAwait(false);
            }

            Interlocked.Add(ref written, batch.Count);
            batch.Clear();
            Interlocked.Exchange(ref progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    private async Task WriteInstanceAsync(string instanceId, HistoryEvent[] events)
    {
        try
        {
            await storage.EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
            string partition = TableItemCodec.Escape(instanceId);
            List<TableTransactionAction> transaction = [];
            long bytes = 0;
            foreach (HistoryEvent historyEvent in events)
            {
                TableEntity row = new(partition, RowKey(historyEvent.Id)) { ["Type"] = historyEvent.Type };
                await storage.Payloads.WriteAsync(row, JsonSerializer.Serialize(historyEvent, ApiStoreJsonContext.Default.HistoryEvent), CancellationToken.None)
                    .ConfigureAwait(false);
                long size = TablePayloads.SizeOf(row);
                if (transaction.Count == MaxBatchRows || (transaction.Count > 0 && bytes + size > MaxBatchBytes))
                {
                    await SubmitAsync(transaction).ConfigureAwait(false);
                    transaction = [];
                    bytes = 0;
                }

                transaction.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, row));
                bytes += size;
            }

            if (transaction.Count > 0)
            {
                await SubmitAsync(transaction).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is RequestFailedException or JsonException or InvalidOperationException or IOException or OperationCanceledException)
        {
            Log.HistoryWriteFailed(logger, instanceId, events.Length, e);
        }
    }

    /// <summary>Keeps the last closing event among an instance's events in the execution index.</summary>
    private async Task RecordClosingAsync(string instanceId, HistoryEvent[] events)
    {
        if (closings is null || Array.FindLast(events, e => ExecutionClosings.StatusOf(e.Type) is not null) is not { } closing)
        {
            return;
        }

        try
        {
            await closings.RecordAsync(instanceId, ExecutionClosings.StatusOf(closing.Type)!, closing.Timestamp, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is RequestFailedException or JsonException or InvalidOperationException or IOException or OperationCanceledException)
        {
            // ListExecutions learns the status from the backend instead.
            Log.ClosingNotIndexed(logger, instanceId, e);
        }
    }

    private async Task SubmitAsync(List<TableTransactionAction> transaction)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                await storage.History.SubmitTransactionAsync(transaction, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException e) when (attempt < Attempts && (e.Status is 0 or 408 or 429 or >= 500))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Keeps a child execution in the execution index off the orchestrator's thread (best effort, logged when it fails).</summary>
    private void RecordNested(Durable.NestedExecutionStarted start)
    {
        if (closings is null)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                await closings.RecordNestedAsync(start, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is RequestFailedException or JsonException or InvalidOperationException or IOException or OperationCanceledException)
            {
                // DescribeExecution finds the child by its ARN instead (NestedExecutions).
                Log.ClosingNotIndexed(logger, start.InstanceId, e);
            }
        });
    }

    /// <summary>Queues an instance's events for the writer.</summary>
    private sealed class QueueSink(AzureExecutionHistoryStore store, string instanceId) : IHistorySink, Durable.INestedExecutionSink
    {
        public void Record(HistoryEvent historyEvent) => store.Enqueue(instanceId, historyEvent);

        public void Started(Durable.NestedExecutionStarted start) => store.RecordNested(start);
    }
}
