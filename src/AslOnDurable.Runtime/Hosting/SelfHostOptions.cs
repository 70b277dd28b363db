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

    /// <summary>
    /// Gets how long a control-queue partition lease lasts without renewal (Azure Storage only), or <c>null</c> for the
    /// provider's default (30 s). Leases are renewed and free ones sought every third of it. A worker that dies keeps
    /// its partitions until its leases expire, so this bounds how soon another worker takes them over.
    /// </summary>
    public TimeSpan? PartitionLeaseInterval { get; init; }

    /// <summary>
    /// Gets how long a dequeued control or work-item message stays invisible to other workers (Azure Storage only), or
    /// <c>null</c> for the provider's default (5 min). Messages a dying worker had dequeued reappear after it, so with
    /// the default a forced stop delays its executions by up to 5 minutes. Keep it longer than one orchestration episode
    /// or activity call, or another worker may run the same message again.
    /// </summary>
    public TimeSpan? MessageVisibilityTimeout { get; init; }

    /// <summary>
    /// Gets how long activities running when this host stops may take to finish before it gives them back to the task
    /// hub (Azure Storage only: the hand-over of <see cref="DurableSelfHost.DisposeAsync"/>). Default 10 s.
    /// </summary>
    public TimeSpan HandOverGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Gets how long, after that, the completions those activities sent may take to be processed by this host before it
    /// stops (Azure Storage only). Default 5 s.
    /// </summary>
    public TimeSpan HandOverSettle { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Gets this worker's name in partition leases (Azure Storage only), or <c>null</c> for the machine name plus the
    /// process id. Several workers on one machine need distinct names (the provider's default is the machine name).
    /// </summary>
    public string? WorkerId { get; init; }

    /// <summary>
    /// Gets how often the Step Functions self-host (<c>asl serve</c>) deletes the working blobs of map runs that can no
    /// longer be redriven (<see cref="Api.MapRuns.MapRunWorkingDataSweep"/>); <see cref="TimeSpan.Zero"/> turns it off.
    /// </summary>
    public TimeSpan MapRunSweepInterval { get; init; } = Api.MapRuns.MapRunWorkingDataSweep.DefaultInterval;

    /// <summary>
    /// Gets a value indicating whether the worker's orchestration service closes the work a decided execution abandoned
    /// (<see cref="ClosingOrchestrationService"/>). Off only in tests standing in for the Functions host, whose service is
    /// not ours: the orchestrators and activities then close it themselves (<see cref="Durable.Activities.CloseChildrenActivity"/>).
    /// </summary>
    internal bool ClosingService { get; init; } = true;
}
