using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// RedriveExecution after a restart with <c>--storage</c>: an execution that failed on one host is redriven on a second
/// host over the same storage (history and execution record read from Table Storage) and succeeds there.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class StorageRestartRedriveTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task RedriveExecution_OnASecondHost_RestartsTheFailedStateAndSucceeds()
    {
        var options = AzuriteSelfHosts.Options(azurite, "rr" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]) with
        {
            MessageVisibilityTimeout = TimeSpan.FromSeconds(10),
            PartitionLeaseInterval = TimeSpan.FromSeconds(6),
        };
        FlakyTaskHandler handler = new(); // one handler for both hosts: the task's first call fails, the second succeeds
        JsonObject arn;
        await using (RedriveTestHost first = await RedriveTestHost.StartAsync(handler, options with { WorkerId = "first" }))
        {
            string machine = await first.Host.CreateAsync("restart-redrive", "redrive-flaky");
            arn = await first.RunAsync(machine, "r1");
            Assert.Equal("FAILED", await first.StatusAsync(arn));
        }

        await using RedriveTestHost second = await RedriveTestHost.StartAsync(handler, options with { WorkerId = "second" });
        JsonObject before = await second.DescribeAsync(arn);
        Assert.Equal("REDRIVABLE", (string?)before["redriveStatus"]);

        await second.RedriveAsync(arn, "SUCCEEDED");

        JsonObject described = await second.DescribeAsync(arn);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("""{"work":{"step":"prepared","attempt":2},"token":"kept","redrives":1}""", (string?)described["output"]);
        Assert.Equal(2, handler.Calls("flaky"));
        JsonArray events = await second.EventsAsync(arn);
        string[] types = RedriveTestHost.Types(events);
        Assert.Single(types, t => t == "ExecutionRedriven");
        Assert.Single(events, e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Prepare");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
    }

    [AzuriteFact]
    public async Task RedriveExecution_TwoHostsAtOnce_OneRedriveStarts_TheOtherNotRedrivable()
    {
        var options = AzuriteSelfHosts.Options(azurite, "rc" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]) with
        {
            MessageVisibilityTimeout = TimeSpan.FromSeconds(10),
            PartitionLeaseInterval = TimeSpan.FromSeconds(6),
        };
        FlakyTaskHandler handler = new(); // shared: the task's first call fails, the second succeeds
        await using RedriveTestHost first = await RedriveTestHost.StartAsync(handler, options with { WorkerId = "first" });
        await using RedriveTestHost second = await RedriveTestHost.StartAsync(handler, options with { WorkerId = "second" });
        string machine = await first.Host.CreateAsync("race-redrive", "redrive-flaky");
        JsonObject arn = await first.RunAsync(machine, "r1");
        Assert.Equal("FAILED", await second.StatusAsync(arn));

        await RedriveTestHost.RaceRedrivesAsync(arn, "SUCCEEDED", first, second);

        Assert.Equal(2, handler.Calls("flaky"));
        JsonArray events = await second.EventsAsync(arn);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
    }
}
