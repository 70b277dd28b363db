using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Self-hosts on the Azure Storage provider against the collection's Azurite, each on a task hub of its own.</summary>
internal static class AzuriteSelfHosts
{
    /// <summary>One partition, polled every 100 ms.</summary>
    public static SelfHostOptions Options(AzuriteFixture azurite, string taskHub) => new()
    {
        Backend = DurableBackend.AzureStorage,
        StorageConnectionString = azurite.ConnectionString,
        TaskHubName = taskHub,
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
        PartitionCount = 1,
    };

    /// <summary>Starts the state-machine orchestrator with the <see cref="TestTaskHandler"/> functions.</summary>
    public static Task<DurableSelfHost> StartAsync(AzuriteFixture azurite, string taskHub, CancellationToken ct, ILoggerFactory? loggerFactory = null) =>
        DurableSelfHost.StartAsync(
            Options(azurite, taskHub),
            DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache()),
            loggerFactory ?? NullLoggerFactory.Instance,
            ct);
}
