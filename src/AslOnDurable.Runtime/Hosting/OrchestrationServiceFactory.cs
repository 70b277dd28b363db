using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>Creates the DurableTask.Core orchestration service for a backend.</summary>
internal static class OrchestrationServiceFactory
{
    /// <summary>Creates the service; it is both the worker's service and the client's service client.</summary>
    /// <param name="options">The self-host options.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>The service.</returns>
    public static (IOrchestrationService Service, IOrchestrationServiceClient Client) Create(SelfHostOptions options, ILoggerFactory loggerFactory)
    {
        switch (options.Backend)
        {
            case DurableBackend.InMemory:
                InMemoryOrchestrationService memory = new(loggerFactory);
                return (memory, memory);
            case DurableBackend.AzureStorage:
                if (string.IsNullOrWhiteSpace(options.StorageConnectionString))
                {
                    throw new ArgumentException("The Azure Storage backend needs a storage connection string.", nameof(options));
                }

                AzureStorageOrchestrationService storage = new(AzureStorageSettings(options, loggerFactory));
                return (storage, storage);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Backend, "Unknown durable backend.");
        }
    }

    /// <summary>The Azure Storage provider's settings for the self-host options.</summary>
    /// <param name="options">The self-host options (with a connection string).</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <returns>The settings.</returns>
    internal static AzureStorageOrchestrationServiceSettings AzureStorageSettings(SelfHostOptions options, ILoggerFactory loggerFactory)
    {
        AzureStorageOrchestrationServiceSettings settings = new()
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString!),
            TaskHubName = options.TaskHubName,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            PartitionCount = options.PartitionCount,
            WorkerId = options.WorkerId ?? $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        };
        if (options.PartitionLeaseInterval is { } lease)
        {
            settings.LeaseInterval = lease;
            settings.LeaseRenewInterval = lease / 3;
            settings.LeaseAcquireInterval = lease / 3;
        }

        if (options.MessageVisibilityTimeout is { } visibility)
        {
            settings.ControlQueueVisibilityTimeout = visibility;
            settings.WorkItemQueueVisibilityTimeout = visibility;
        }

        return settings;
    }
}
