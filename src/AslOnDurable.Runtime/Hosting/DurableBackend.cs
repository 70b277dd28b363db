namespace AslOnDurable.Runtime.Hosting;

/// <summary>Where the self-host keeps durable state.</summary>
public enum DurableBackend
{
    /// <summary>In process memory (<c>InMemoryOrchestrationService</c>): no set-up, gone when the process ends.</summary>
    InMemory,

    /// <summary>Azure Storage queues, tables and blobs (<c>AzureStorageOrchestrationService</c>), or Azurite locally.</summary>
    AzureStorage,
}
