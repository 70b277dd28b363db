using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

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
        FailsOnceHandler handler = new(); // one handler for both hosts: the task's first call fails, the second succeeds
        JsonObject arn;
        await using (StepFunctionsSelfHost first = await StartAsync(options with { WorkerId = "first" }, handler))
        {
            string machine = await first.CreateAsync("restart-redrive", "redrive-flaky");
            JsonObject started = await first.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "r1", ["input"] = "{}" });
            arn = new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() };
            await first.Client.WaitForCompletionAsync("restart-redrive:r1", CancellationToken.None);
            Assert.Equal("FAILED", (string?)(await first.OkAsync("DescribeExecution", (JsonObject)arn.DeepClone()))["status"]);
        }

        await using StepFunctionsSelfHost second = await StartAsync(options with { WorkerId = "second" }, handler);
        JsonObject before = await second.OkAsync("DescribeExecution", (JsonObject)arn.DeepClone());
        Assert.Equal("REDRIVABLE", (string?)before["redriveStatus"]);

        await second.OkAsync("RedriveExecution", (JsonObject)arn.DeepClone());
        await second.Client.WaitForCompletionAsync("restart-redrive:r1", CancellationToken.None);

        JsonObject described = await second.OkAsync("DescribeExecution", (JsonObject)arn.DeepClone());
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("""{"work":{"step":"prepared","attempt":2},"token":"kept","redrives":1}""", (string?)described["output"]);
        Assert.Equal(2, handler.Calls("flaky"));
        JsonArray events = (await second.OkAsync("GetExecutionHistory", (JsonObject)arn.DeepClone()))["events"]!.AsArray();
        string[] types = [.. events.Select(e => (string)e!["type"]!)];
        Assert.Single(types, t => t == "ExecutionRedriven");
        Assert.Single(events, e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Prepare");
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
    }

    private static Task<StepFunctionsSelfHost> StartAsync(SelfHostOptions options, ITaskHandler handler) =>
        StepFunctionsSelfHost.StartAsync(
            options, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton(handler));
}
