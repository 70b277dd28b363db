using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace AslOnDurable.Runtime.Api.Registry.AzureStorage;

/// <summary>
/// Where the Step Functions API keeps its registry, execution index and history in one storage account: the tables
/// <c>&lt;hub&gt;ApiRegistry</c> (state machines, versions, aliases, activities; one partition per kind),
/// <c>&lt;hub&gt;ApiExecutions</c> (one partition per state machine) and <c>&lt;hub&gt;ApiHistory</c> (one partition per
/// durable instance, one row per event), and the blob container <c>&lt;hub&gt;-api</c> for records too large for a row.
/// </summary>
/// <remarks>
/// Names derive from the task hub, so two task hubs on one account keep separate registries; the <c>Api</c> infix keeps
/// them apart from DurableTask.AzureStorage's own <c>&lt;hub&gt;History</c> and <c>&lt;hub&gt;Instances</c>.
/// </remarks>
public sealed class ApiTableStorage
{
    private Task? creation;

    /// <summary>Opens the storage (nothing is created until first use).</summary>
    /// <param name="connectionString">The storage account's connection string.</param>
    /// <param name="taskHub">The task hub name (3-45 letters or digits).</param>
    public ApiTableStorage(string connectionString, string taskHub)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(taskHub);
        if (taskHub.Length is < 3 or > 45 || !taskHub.All(char.IsAsciiLetterOrDigit) || !char.IsAsciiLetter(taskHub[0]))
        {
            throw new ArgumentException($"The task hub name '{taskHub}' must be 3-45 letters or digits, starting with a letter.", nameof(taskHub));
        }

        TableServiceClient tables = new(connectionString);
        Registry = tables.GetTableClient(taskHub + "ApiRegistry");
        Executions = tables.GetTableClient(taskHub + "ApiExecutions");
        History = tables.GetTableClient(taskHub + "ApiHistory");
        Blobs = new BlobContainerClient(connectionString, taskHub.ToLowerInvariant() + "-api");
        Payloads = new TablePayloads(Blobs);
    }

    /// <summary>Gets the registry table.</summary>
    public TableClient Registry { get; }

    /// <summary>Gets the execution index table.</summary>
    public TableClient Executions { get; }

    /// <summary>Gets the history table.</summary>
    public TableClient History { get; }

    /// <summary>Gets the container for large records.</summary>
    public BlobContainerClient Blobs { get; }

    /// <summary>Gets the codec that puts JSON documents into rows (or blobs).</summary>
    internal TablePayloads Payloads { get; }

    /// <summary>Creates the tables and the container once per process (idempotent; a failed attempt is tried again).</summary>
    /// <param name="cancellationToken">Cancels the wait (not the creation, which callers share).</param>
    /// <returns>A task that completes when they exist.</returns>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task? current = Volatile.Read(ref creation);
        if (current is null || current.IsFaulted || current.IsCanceled)
        {
            Task next = CreateAsync();
            current = Interlocked.CompareExchange(ref creation, next, current) == current ? next : Volatile.Read(ref creation)!;
        }

        return current.IsCompletedSuccessfully ? Task.CompletedTask : current.WaitAsync(cancellationToken);
    }

    private async Task CreateAsync()
    {
        await Registry.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Executions.CreateIfNotExistsAsync().ConfigureAwait(false);
        await History.CreateIfNotExistsAsync().ConfigureAwait(false);
        await Blobs.CreateIfNotExistsAsync().ConfigureAwait(false);
    }
}
