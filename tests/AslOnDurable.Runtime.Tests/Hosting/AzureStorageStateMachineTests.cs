using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Standard workflows on DurableTask.AzureStorage against Azurite: same results as the in-memory engine.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageStateMachineTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private Task<DurableSelfHost> StartAsync(string taskHub, CancellationToken ct) =>
        DurableSelfHost.StartAsync(
            new SelfHostOptions
            {
                Backend = DurableBackend.AzureStorage,
                StorageConnectionString = azurite.ConnectionString,
                TaskHubName = taskHub,
                MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
                PartitionCount = 1,
            },
            DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache()),
            NullLoggerFactory.Instance,
            ct);

    [AzuriteFact]
    public async Task RunOn_RetryParallelAndMapFixtures_SameResultsAsInMemoryEngine()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await StartAsync("aslhub", cts.Token);

        foreach (string name in (string[])["task-retry-catch", "parallel", "map", "thrown-and-crashed"])
        {
            string executionName = $"{name}-{Guid.NewGuid():N}";
            ExecutionResult expected = await ReferenceRuns.InMemoryAsync(name, executionName);

            ExecutionResult actual = await DurableStateMachineRunner.RunOnAsync(
                host.Client, DurableFixtures.Definition(name), JsonNode.Parse(DurableFixtures.Input(name)), new DurableRunOptions { ExecutionName = executionName }, cts.Token);

            ReferenceRuns.AssertSame(expected, actual);
        }
    }
}
