namespace AslOnDurable.Runtime.Hosting;

/// <summary>How to start a <see cref="DurableSelfHost"/>.</summary>
public sealed record SelfHostOptions
{
    /// <summary>Gets where durable state lives.</summary>
    public DurableBackend Backend { get; init; } = DurableBackend.InMemory;

    /// <summary>Gets the task hub name (Azure Storage: 3–45 letters or digits, starting with a letter).</summary>
    public string TaskHubName { get; init; } = "asl";

    /// <summary>Gets the storage connection string; required for <see cref="DurableBackend.AzureStorage"/>.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>
    /// Gets the longest idle back-off between queue polls (Azure Storage only). The provider's default is 30 s, which
    /// makes a quiet worker slow to notice new work; 1 s suits interactive use and tests.
    /// </summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets the number of control-queue partitions (Azure Storage only, 1–16).</summary>
    public int PartitionCount { get; init; } = 4;
}
