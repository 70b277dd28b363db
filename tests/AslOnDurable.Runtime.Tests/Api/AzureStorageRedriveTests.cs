using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>RedriveExecution on DurableTask.AzureStorage (Azurite): the closed instance is started again under its id.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureStorageRedriveTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task RedriveExecution_FailedTaskOnAzureStorage_SucceedsOnTheSameInstance()
    {
        FailsOnceHandler handler = new();
        await using StepFunctionsSelfHost host = await StepFunctionsSelfHost.StartAsync(
            AzuriteSelfHosts.Options(azurite, "redrivehub"), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton<ITaskHandler>(handler));
        string machine = await host.CreateAsync("redrive-azure", "redrive-flaky");
        JsonObject arn = new()
        {
            ["executionArn"] = (string)(await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "a" }))["executionArn"]!,
        };
        Assert.Equal("FAILED", (string?)(await SettledAsync(host, arn))["status"]);

        await host.OkAsync("RedriveExecution", (JsonObject)arn.DeepClone());

        JsonObject described = await SettledAsync(host, arn);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(1, (int)described["redriveCount"]!);
        Assert.Equal("""{"work":{"step":"prepared","attempt":2},"token":"kept","redrives":1}""", (string?)described["output"]);
        JsonArray events = (await host.OkAsync("GetExecutionHistory", (JsonObject)arn.DeepClone()))["events"]!.AsArray();
        Assert.Single(events, e => (string?)e!["type"] == "ExecutionRedriven");
        Assert.Single(events, e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Prepare");
    }

    /// <summary>DescribeExecution once the execution has left RUNNING (the provider answers a wait by polling).</summary>
    private static async Task<JsonObject> SettledAsync(StepFunctionsSelfHost host, JsonObject arn)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));
        await host.Client.WaitForCompletionAsync("redrive-azure:a", budget.Token);
        return await host.OkAsync("DescribeExecution", (JsonObject)arn.DeepClone());
    }
}
