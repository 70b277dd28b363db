using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>Standard workflows on DurableTask.AzureStorage against Azurite: same results as the in-memory engine.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageStateMachineTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [AzuriteFact]
    public async Task RunOn_RetryParallelAndMapFixtures_SameResultsAsInMemoryEngine()
    {
        using CancellationTokenSource cts = new(Budget);
        await using DurableSelfHost host = await AzuriteSelfHosts.StartAsync(azurite, "aslhub", cts.Token);

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
