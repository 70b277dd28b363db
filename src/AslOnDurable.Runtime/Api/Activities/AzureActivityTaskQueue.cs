using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AslOnDurable.Runtime.Api.Registry.AzureStorage;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace AslOnDurable.Runtime.Api.Activities;

/// <summary>
/// The activity tasks in Azure Storage queues, one per activity (<c>&lt;hub&gt;-act-&lt;hash of the ARN&gt;</c>), so a
/// worker's GetActivityTask on any host of the task hub receives a task scheduled by any other (<c>asl serve --storage</c>,
/// the Functions app).
/// </summary>
/// <remarks>
/// A message holds the task as JSON (a task too large for a message goes to a blob of the API's container, the message
/// naming it). GetActivityTask polls (every 500 ms, up to the 60 s long poll), takes a message invisible for 30 s, and
/// deletes it once the task is claimed or found closed; a claim that fails leaves it to reappear for the next worker.
/// </remarks>
internal sealed class AzureActivityTaskQueue : IActivityTaskQueue
{
    private const int MaxMessageCharacters = 48 * 1024;
    private static readonly TimeSpan Invisible = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    private readonly QueueServiceClient queues;
    private readonly string prefix;
    private readonly ApiTableStorage storage;
    private readonly TimeProvider time;
    private readonly ConcurrentDictionary<string, Task<QueueClient>> created = new(StringComparer.Ordinal);

    /// <summary>Opens the queues (each is created on first use).</summary>
    /// <param name="connectionString">The storage account's connection string.</param>
    /// <param name="taskHub">The task hub name.</param>
    /// <param name="storage">The API's tables and container (large tasks).</param>
    /// <param name="time">The clock of deadlines and of the long poll.</param>
    public AzureActivityTaskQueue(string connectionString, string taskHub, ApiTableStorage storage, TimeProvider time)
    {
        queues = new QueueServiceClient(connectionString);
        string hub = taskHub.ToLowerInvariant();
        prefix = (hub.Length > 30 ? hub[..30] : hub) + "-act-";
        this.storage = storage;
        this.time = time;
    }

    /// <inheritdoc />
    public async Task AddAsync(string activityArn, ActivityTask task, CancellationToken cancellationToken)
    {
        QueueClient queue = await QueueAsync(activityArn).WaitAsync(cancellationToken).ConfigureAwait(false);
        string json = JsonSerializer.Serialize(new Message(task.TaskToken, task.Input, task.Deadline, null), MessageJson);
        if (json.Length > MaxMessageCharacters)
        {
            await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
            string blob = "activity-tasks/" + Guid.NewGuid().ToString("N");
            await storage.Blobs.UploadBlobAsync(blob, BinaryData.FromString(json), cancellationToken).ConfigureAwait(false);
            json = JsonSerializer.Serialize(new Message(null, null, null, blob), MessageJson);
        }

        await queue.SendMessageAsync(json, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveAsync(string activityArn, CancellationToken cancellationToken)
    {
        created.TryRemove(activityArn, out _);
        await queues.GetQueueClient(QueueName(activityArn)).DeleteIfExistsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ActivityTask?> TakeAsync(string activityArn, TimeSpan wait, Func<ActivityTask, CancellationToken, Task<bool>> claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        QueueClient queue = await QueueAsync(activityArn).WaitAsync(cancellationToken).ConfigureAwait(false);
        DateTimeOffset end = time.GetUtcNow() + wait;
        while (true)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(1, Invisible, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null; // deleted meanwhile (DeleteActivity)
            }

            if (messages.Length == 0)
            {
                if (time.GetUtcNow() >= end)
                {
                    return null;
                }

                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            QueueMessage message = messages[0];
            ActivityTask task = await ReadAsync(message.MessageText, cancellationToken).ConfigureAwait(false);
            if (task.Deadline is not { } deadline || deadline > time.GetUtcNow())
            {
                if (!await claim(task, cancellationToken).ConfigureAwait(false))
                {
                    await DeleteAsync(queue, message, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await DeleteAsync(queue, message, cancellationToken).ConfigureAwait(false);
                return task;
            }

            await DeleteAsync(queue, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task DeleteAsync(QueueClient queue, QueueMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Already gone (its visibility ran out and another worker took and deleted it).
        }
    }

    private async Task<ActivityTask> ReadAsync(string text, CancellationToken cancellationToken)
    {
        Message message = JsonSerializer.Deserialize<Message>(text, MessageJson) ?? throw new InvalidDataException("An activity task message is empty.");
        if (message.Blob is { } blob)
        {
            var content = await storage.Blobs.GetBlobClient(blob).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            message = JsonSerializer.Deserialize<Message>(content.Value.Content.ToString(), MessageJson) ?? throw new InvalidDataException("An activity task blob is empty.");
        }

        return new ActivityTask(message.TaskToken ?? string.Empty, message.Input ?? "null", message.Deadline);
    }

    private Task<QueueClient> QueueAsync(string activityArn)
    {
        Task<QueueClient> task = created.GetOrAdd(activityArn, arn => CreateAsync(queues.GetQueueClient(QueueName(arn))));
        if (task.IsFaulted || task.IsCanceled)
        {
            created.TryRemove(new KeyValuePair<string, Task<QueueClient>>(activityArn, task));
        }

        return task;
    }

    private static async Task<QueueClient> CreateAsync(QueueClient queue)
    {
        await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
        return queue;
    }

    private string QueueName(string activityArn) =>
        prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(activityArn)))[..24];

    private static readonly JsonSerializerOptions MessageJson = new(JsonSerializerDefaults.Web);

    /// <summary>A queue message: the task, or the blob that holds it.</summary>
    private sealed record Message(string? TaskToken, string? Input, DateTimeOffset? Deadline, string? Blob);
}
