using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api.Activities;

/// <summary>With a storage connection the activity task queue is an Azure Storage queue shared by every host of the task hub.</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureActivityTaskQueueTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task GetActivityTask_OtherHost_ReceivesTheTaskTheFirstHostScheduled()
    {
        var options = AzuriteSelfHosts.Options(azurite, "q" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        await using StepFunctionsSelfHost first = await StepFunctionsSelfHost.StartAsync(options with { WorkerId = "first" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None);
        string activity = (string)(await first.OkAsync("CreateActivity", new JsonObject { ["name"] = "shared" }))["activityArn"]!;
        string machine = (string)(await first.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "shared-activity", ["roleArn"] = ApiTestCalls.Role,
            ["definition"] = ApiTestCalls.Definition("activity").Replace("ACTIVITY_ARN", activity, StringComparison.Ordinal),
        }))["stateMachineArn"]!;
        string execution = (string)(await first.OkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = """{"job":42}""",
        }))["executionArn"]!;

        await using StepFunctionsSelfHost second = await StepFunctionsSelfHost.StartAsync(options with { WorkerId = "second" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None);
        JsonObject task = await second.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity, ["workerName"] = "remote" });
        await second.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["output"] = """{"done":true}""" });
        using CancellationTokenSource guard = new(TimeSpan.FromMinutes(2));
        await first.Client.WaitForCompletionAsync("shared-activity:run", guard.Token);
        JsonObject described = await first.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        JsonObject again = await second.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity });
        await first.OkAsync("DeleteActivity", new JsonObject { ["activityArn"] = activity });

        Assert.Equal("""{"job":42}""", (string?)task["input"]);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"done":true}""", (string?)described["output"]);
        Assert.Null(again["taskToken"]); // taken once
    }
}
