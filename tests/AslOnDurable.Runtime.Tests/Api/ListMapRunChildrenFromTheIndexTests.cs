using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Storage;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using AslOnDurable.Testing;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// ListExecutions by <c>mapRunArn</c> answers from the execution index alone, as a state machine's listing does: the map
/// run's STANDARD children are recorded as they start, their closings reach the index through the history store, and a
/// child terminated with its map run is recorded ABORTED by the self-host's closing service.
/// </summary>
public sealed class ListMapRunChildrenFromTheIndexTests
{
    [Fact]
    public Task ListExecutions_ByMapRunArn_StatusFiltersAndPages_NoBackendCall() => MapRunChildrenScenario.RunAsync(null, new MemoryItemStore());
}

/// <summary>The same on DurableTask.AzureStorage with the API's Table Storage index and history and Blob item storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureListMapRunChildrenFromTheIndexTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public Task ListExecutions_ByMapRunArnOnAzureStorage_StatusFiltersAndPages_NoBackendCall() =>
        MapRunChildrenScenario.RunAsync(AzuriteSelfHosts.Options(azurite, "maprunlisthub"), new AzureBlobItemStore(azurite.ConnectionString));
}

/// <summary>Four STANDARD children (two succeed, one fails, one waits an hour) listed by status and paged without the backend.</summary>
internal static class MapRunChildrenScenario
{
    private const string Definition = """
        {"StartAt": "Process", "States": {"Process": {"Type": "Map", "End": true, "ToleratedFailurePercentage": 100,
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"}, "Parameters": {"Bucket": "data", "Key.$": "$.key"}},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Check", "States": {
            "Check": {"Type": "Choice", "Choices": [
              {"Variable": "$.kind", "StringEquals": "fail", "Next": "Boom"},
              {"Variable": "$.kind", "StringEquals": "wait", "Next": "Hold"}], "Default": "Done"},
            "Boom": {"Type": "Fail", "Error": "Item.Failed", "Cause": "item failed"},
            "Hold": {"Type": "Wait", "Seconds": 3600, "End": true},
            "Done": {"Type": "Pass", "End": true}}}}}}
        """;

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(SelfHostOptions? options, IItemStore items)
    {
        string key = "mr-index-" + Guid.NewGuid().ToString("N")[..8] + ".jsonl";
        await items.WriteAsync("data", key, Encoding.UTF8.GetBytes("{\"kind\": \"ok\"}\n{\"kind\": \"fail\"}\n{\"kind\": \"ok\"}\n{\"kind\": \"wait\"}\n"), CancellationToken.None);
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(new Mock<ITaskHandler>(MockBehavior.Strict).Object, options, items);
        string machine = await host.CreateInlineAsync("mr-index-" + Guid.NewGuid().ToString("N")[..8], Definition);
        JsonObject parent = await host.StartAsync(machine, "run", new JsonObject { ["key"] = key }.ToJsonString());
        string mapRun = await host.Host.MapRunOfAsync((string)parent["executionArn"]!);

        CountedListings listings = new(host.Host);
        Task<JsonObject> ListAsync(JsonObject body)
        {
            body["mapRunArn"] = mapRun;
            return listings.ListAsync(body);
        }

        async Task<string[]> StatusesAsync(string? status)
        {
            JsonObject body = status is null ? new JsonObject() : new JsonObject { ["statusFilter"] = status };
            return [.. (await ListAsync(body))["executions"]!.AsArray().Select(e => (string)e!["status"]!).Order(StringComparer.Ordinal)];
        }

        // The closings reach the index as the children end (on Table Storage a few ms after their history rows).
        using (CancellationTokenSource budget = new(Budget))
        {
            while (!(await StatusesAsync(null)).SequenceEqual(["FAILED", "RUNNING", "SUCCEEDED", "SUCCEEDED"]))
            {
                await Task.Delay(50, budget.Token);
            }
        }

        listings.Asked = 0;
        Assert.Equal(["SUCCEEDED", "SUCCEEDED"], await StatusesAsync("SUCCEEDED"));
        Assert.Equal(["FAILED"], await StatusesAsync("FAILED"));
        Assert.Equal(["RUNNING"], await StatusesAsync("RUNNING"));
        Assert.Empty(await StatusesAsync("TIMED_OUT")); // an empty page of a map run with children: still no backend call
        Assert.Equal(4, (await ListAsync(new JsonObject { ["redriveFilter"] = "NOT_REDRIVEN" }))["executions"]!.AsArray().Count);
        Assert.Empty((await ListAsync(new JsonObject { ["redriveFilter"] = "REDRIVEN" }))["executions"]!.AsArray());
        JsonObject first = await ListAsync(new JsonObject { ["maxResults"] = 3 });
        JsonObject second = await ListAsync(new JsonObject { ["maxResults"] = 3, ["nextToken"] = first["nextToken"]!.DeepClone() });
        string[] paged = [.. first["executions"]!.AsArray().Concat(second["executions"]!.AsArray()).Select(e => (string)e!["executionArn"]!)];
        Assert.Equal(4, paged.Distinct(StringComparer.Ordinal).Count());
        Assert.Null(second["nextToken"]);
        JsonObject filteredFirst = await ListAsync(new JsonObject { ["statusFilter"] = "SUCCEEDED", ["maxResults"] = 1 });
        JsonObject filteredSecond = await ListAsync(new JsonObject { ["statusFilter"] = "SUCCEEDED", ["maxResults"] = 1, ["nextToken"] = filteredFirst["nextToken"]!.DeepClone() });
        Assert.Equal("SUCCEEDED", (string?)Assert.Single(filteredSecond["executions"]!.AsArray())!["status"]);
        Assert.NotEqual((string?)filteredFirst["executions"]![0]!["executionArn"], (string?)filteredSecond["executions"]![0]!["executionArn"]);
        JsonObject item = first["executions"]![0]!.AsObject();
        Assert.Equal(mapRun, (string?)item["mapRunArn"]);
        Assert.StartsWith(machine.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + "/Process:", (string)item["executionArn"]!, StringComparison.Ordinal);
        Assert.Equal(0, listings.Asked);

        // A redrive recorded for the failed child (as the map run's redrive records it) and not started yet: AWS's
        // PENDING_REDRIVE, which a map run's listing filters by.
        string failedChild = (string)(await ListAsync(new JsonObject { ["statusFilter"] = "FAILED" }))["executions"]![0]!["executionArn"]!;
        IExecutionIndex index = host.Host.Services.GetRequiredService<IExecutionIndex>();
        ExecutionRecord child = (await index.GetAsync(failedChild, CancellationToken.None))!;
        DateTimeOffset claimed = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.True(await index.ReplaceAsync(child, ExecutionRedrives.Claimed(child, child.KnownClosed()!, claimed), CancellationToken.None));
        Assert.Equal(["PENDING_REDRIVE"], await StatusesAsync("PENDING_REDRIVE"));
        Assert.Empty(await StatusesAsync("FAILED"));
        Assert.Equal(["PENDING_REDRIVE", "RUNNING", "SUCCEEDED", "SUCCEEDED"], await StatusesAsync(null));
        Assert.Equal(0, listings.Asked);

        // Stopping the parent aborts the map run and terminates the waiting child: the closing service records it ABORTED.
        string waiting = (string)(await ListAsync(new JsonObject { ["statusFilter"] = "RUNNING" }))["executions"]![0]!["executionArn"]!;
        await host.OkAsync("StopExecution", parent);
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Host.Client.WaitForCompletionAsync(MapRunInstanceIds.FromArn(waiting), budget.Token);
            listings.Asked = 0;
            while (!(await StatusesAsync("ABORTED")).SequenceEqual(["ABORTED"]))
            {
                await Task.Delay(50, budget.Token);
            }
        }

        Assert.Empty(await StatusesAsync("RUNNING"));
        Assert.Equal(0, listings.Asked);
        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = waiting });
        Assert.Equal("ABORTED", (string?)described["status"]);
        JsonObject aborted = (await ListAsync(new JsonObject { ["statusFilter"] = "ABORTED" }))["executions"]![0]!.AsObject();
        Assert.Equal(described["stopDate"]!.GetValue<decimal>(), aborted["stopDate"]!.GetValue<decimal>());

        // A map run nobody started: its empty page asks the backend, which does not know it.
        string unknown = mapRun[..mapRun.LastIndexOf(':')] + ":00000000-0000-0000-0000-000000000000";
        await host.ErrorAsync("ListExecutions", new JsonObject { ["mapRunArn"] = unknown }, ApiErrorTypes.ResourceNotFound);
    }
}
