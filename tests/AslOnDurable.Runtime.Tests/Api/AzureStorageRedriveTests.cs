using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>RedriveExecution on DurableTask.AzureStorage (Azurite): the closed instance is started again under its id.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageRedriveTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task RedriveExecution_FailedTaskOnAzureStorage_SucceedsOnTheSameInstance()
    {
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(new FlakyTaskHandler(), AzuriteSelfHosts.Options(azurite, "redrivehub"));
        string machine = await host.Host.CreateAsync("redrive-azure", "redrive-flaky");
        JsonObject arn = await host.StartAsync(machine, "a");
        Assert.Equal("FAILED", (string?)(await SettledAsync(host, arn))["status"]);

        await host.OkAsync("RedriveExecution", arn);

        JsonObject described = await SettledAsync(host, arn);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("""{"work":{"step":"prepared","attempt":2},"token":"kept","redrives":1}""", (string?)described["output"]);
        JsonArray events = await host.EventsAsync(arn);
        Assert.Single(events, e => (string?)e!["type"] == "ExecutionRedriven");
        Assert.Single(events, e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Prepare");
    }

    [AzuriteFact]
    public async Task RedriveExecution_InlineMapTwiceOnAzureStorage_RunsOnlyUnsuccessfulIterations()
    {
        FlakyTaskHandler handler = new(only: "flaky", perInput: true);
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(handler, AzuriteSelfHosts.Options(azurite, "partialredrivehub"));

        await PartialRedriveTests.InlineMapTwoRedrivesAsync(host, handler);
    }

    /// <summary>DescribeExecution once the execution has left RUNNING (the provider answers a wait by polling).</summary>
    private static async Task<JsonObject> SettledAsync(RedriveTestHost host, JsonObject arn)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));
        await host.WaitAsync(arn, budget.Token);
        return await host.DescribeAsync(arn);
    }
}
