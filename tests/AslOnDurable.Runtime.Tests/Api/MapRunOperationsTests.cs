using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>An in-memory API self-host whose distributed Maps read items from a <see cref="MemoryItemStore"/>.</summary>
public sealed class MapRunApiFixture : IAsyncLifetime
{
    public MemoryItemStore Store { get; } = new();

    public StepFunctionsSelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await StepFunctionsSelfHost.StartAsync(new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None, Store);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>DescribeMapRun, ListMapRuns, UpdateMapRun, ListExecutions by mapRunArn, and StopExecution aborting map runs.</summary>
public sealed class MapRunOperationsTests(MapRunApiFixture fixture) : IClassFixture<MapRunApiFixture>
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Fact]
    public async Task DescribeMapRun_ExpressRunEnded_AwsShapeWithCounts_AndListMapRunsListsIt()
    {
        fixture.Store.With("data", "describe.jsonl", "{\"fail\":false}\n{\"fail\":true}\n{\"fail\":false}\n{\"fail\":false}\n");
        string execution = await StartAsync("mr-describe", ApiTestCalls.Definition("map-run-express"), """{"key":"describe.jsonl"}""");
        await host.Client.WaitForCompletionAsync("mr-describe:run", CancellationToken.None);

        JsonObject listed = await host.OkAsync("ListMapRuns", new JsonObject { ["executionArn"] = execution });
        JsonObject item = (JsonObject)Assert.Single(listed["mapRuns"]!.AsArray())!;
        string arn = (string)item["mapRunArn"]!;
        JsonObject described = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = arn });

        Assert.Matches("^" + Prefix + "mapRun:mr-describe/proc:[0-9a-f-]{36}$", arn);
        Assert.Equal(execution, (string?)item["executionArn"]);
        Assert.Equal(Prefix + "stateMachine:mr-describe/proc", (string?)item["stateMachineArn"]);
        Assert.NotNull(item["stopDate"]);
        Assert.Equal(
            ["mapRunArn", "executionArn", "status", "startDate", "stopDate", "maxConcurrency", "toleratedFailurePercentage", "toleratedFailureCount", "itemCounts", "executionCounts", "redriveCount"],
            described.Select(p => p.Key));
        Assert.Equal(execution, (string?)described["executionArn"]);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(7, (int)described["maxConcurrency"]!);
        Assert.Equal(50, (double)described["toleratedFailurePercentage"]!);
        Assert.Equal(0, (long)described["toleratedFailureCount"]!);
        Assert.True((decimal)described["stopDate"]! >= (decimal)described["startDate"]!);
        JsonAssert.Equal(
            """{"pending":0,"running":0,"succeeded":3,"failed":1,"timedOut":0,"aborted":0,"total":4,"resultsWritten":0,"failuresNotRedrivable":0,"pendingRedrive":0}""",
            described["itemCounts"]);
        Assert.Equal(4, (long)described["executionCounts"]!["total"]!);
        Assert.Equal(0, (int)described["redriveCount"]!);
    }

    [Fact]
    public async Task ListExecutions_ByMapRunArn_ListsTheStandardChildren_WhichDescribeExecutionFinds()
    {
        fixture.Store.With("data", "items.json", """[{"n":1},{"n":2},{"n":3},{"n":4},{"n":5}]""");
        string execution = await StartAsync("mr-children", DefinitionFiles.Read("map-runs", "standard-output"), "{}");
        await host.Client.WaitForCompletionAsync("mr-children:run", CancellationToken.None);
        string arn = await host.MapRunOfAsync(execution);

        JsonObject listed = await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = arn });
        JsonObject paged = await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = arn, ["maxResults"] = 2 });

        var children = listed["executions"]!.AsArray().Select(e => (JsonObject)e!).ToList();
        Assert.Equal(5, children.Count);
        Assert.All(children, c =>
        {
            Assert.StartsWith(Prefix + "execution:mr-children/Process:", (string)c["executionArn"]!, StringComparison.Ordinal);
            Assert.Equal(Prefix + "stateMachine:mr-children/Process", (string?)c["stateMachineArn"]);
            Assert.Equal(arn, (string?)c["mapRunArn"]);
            Assert.Equal("SUCCEEDED", (string?)c["status"]);
        });
        Assert.Equal(2, paged["executions"]!.AsArray().Count);
        Assert.NotNull(paged["nextToken"]);
        JsonObject child = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = children[0]["executionArn"]!.DeepClone() });
        Assert.Equal("SUCCEEDED", (string?)child["status"]);
        JsonObject machine = await host.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = Prefix + "stateMachine:mr-children" });
        Assert.Null(Assert.Single(machine["executions"]!.AsArray())!["mapRunArn"]);
    }

    [Fact]
    public async Task UpdateMapRun_ToleratedFailureCountRaisedWhileRunning_TheFailureIsTolerated()
    {
        fixture.Store.With("data", "update.jsonl", "{\"fail\":true}\n{\"fail\":false}\n");
        (string execution, string activity) = await StartWithActivityAsync("mr-update", """{"key":"update.jsonl"}""");

        JsonObject task = await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity });
        string arn = await host.MapRunOfAsync(execution);
        JsonObject running = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = arn });
        await host.OkAsync("UpdateMapRun", new JsonObject { ["mapRunArn"] = arn, ["toleratedFailureCount"] = 1, ["maxConcurrency"] = 3 });
        await host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = task["taskToken"]!.DeepClone(), ["output"] = "{}" });
        await host.Client.WaitForCompletionAsync("mr-update:run", CancellationToken.None);

        Assert.Equal("RUNNING", (string?)running["status"]);
        Assert.Equal(0, (long)running["toleratedFailureCount"]!);
        JsonObject parent = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        Assert.Equal("SUCCEEDED", (string?)parent["status"]);
        JsonObject ended = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = arn });
        Assert.Equal("SUCCEEDED", (string?)ended["status"]);
        Assert.Equal(1, (long)ended["toleratedFailureCount"]!);
        Assert.Equal(3, (int)ended["maxConcurrency"]!);
        Assert.Equal(1, (long)ended["itemCounts"]!["failed"]!);
        await host.ErrorAsync("UpdateMapRun", new JsonObject { ["mapRunArn"] = arn, ["maxConcurrency"] = 2 }, ApiErrorTypes.ValidationException);
    }

    [Fact]
    public async Task StopExecution_ParentWithRunningMapRun_AbortsTheMapRunAndItsChildren()
    {
        fixture.Store.With("data", "stop.jsonl", "{\"fail\":false}\n{\"fail\":false}\n{\"fail\":false}\n");
        (string execution, string activity) = await StartWithActivityAsync("mr-stop", """{"key":"stop.jsonl"}""");
        await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity });
        string arn = await host.MapRunOfAsync(execution);

        await host.OkAsync("StopExecution", new JsonObject { ["executionArn"] = execution, ["error"] = "Stopped", ["cause"] = "by the test" });
        await host.Client.WaitForCompletionAsync("mr-stop:run", CancellationToken.None);
        await host.Client.WaitForCompletionAsync(MapRunInstanceIds.FromArn(arn), CancellationToken.None);
        var children = (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = arn }))["executions"]!.AsArray();
        foreach (var child in children)
        {
            await host.Client.WaitForCompletionAsync(MapRunInstanceIds.FromArn((string)child!["executionArn"]!), CancellationToken.None);
        }

        JsonObject described = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = arn });
        Assert.Equal("ABORTED", (string?)described["status"]);
        Assert.NotNull(described["stopDate"]);
        Assert.Equal(3, (long)described["itemCounts"]!["total"]!);
        Assert.Equal(0, (long)described["itemCounts"]!["pending"]! + (long)described["itemCounts"]!["running"]!);
        JsonObject child0 = (JsonObject)Assert.Single((await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = arn }))["executions"]!.AsArray())!;
        Assert.Equal("ABORTED", (string?)child0["status"]);
        var events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution }))["events"]!.AsArray();
        Assert.Equal(["MapRunStarted", "MapRunAborted", "ExecutionAborted"], events.Select(e => (string)e!["type"]!).Where(t => t.StartsWith("MapRun", StringComparison.Ordinal) || t == "ExecutionAborted"));
    }

    [Theory]
    [InlineData("DescribeMapRun", """{}""", ApiErrorTypes.ValidationException)]
    [InlineData("DescribeMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:execution:a:b"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("DescribeMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:a:b"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("DescribeMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:00000000-0000-0000-0000-000000000000"}""", ApiErrorTypes.ResourceNotFound)]
    [InlineData("UpdateMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:1", "maxConcurrency": 2}""", ApiErrorTypes.ResourceNotFound)]
    [InlineData("UpdateMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:1", "toleratedFailurePercentage": 101}""", ApiErrorTypes.ValidationException)]
    [InlineData("UpdateMapRun", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:1", "maxConcurrency": -1}""", ApiErrorTypes.ValidationException)]
    [InlineData("ListMapRuns", """{"executionArn": "arn:aws:states:us-east-1:123456789012:execution:none:x"}""", ApiErrorTypes.ExecutionDoesNotExist)]
    [InlineData("ListMapRuns", """{"executionArn": "arn:aws:states:us-east-1:123456789012:stateMachine:none"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("ListExecutions", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:1"}""", ApiErrorTypes.ResourceNotFound)]
    [InlineData("ListExecutions", """{"mapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:none/x:1", "stateMachineArn": "arn:aws:states:us-east-1:123456789012:stateMachine:none"}""", ApiErrorTypes.ValidationException)]
    public async Task MapRunActions_BadRequest_AwsError(string action, string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync(StepFunctionsDispatcher.TargetPrefix + action, body, CancellationToken.None), errorType);
    }

    private async Task<string> StartAsync(string name, string definition, string input)
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["roleArn"] = ApiTestCalls.Role, ["definition"] = definition,
        }))["stateMachineArn"]!;
        return (string)(await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = input }))["executionArn"]!;
    }

    private async Task<(string Execution, string Activity)> StartWithActivityAsync(string name, string input)
    {
        string activity = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = name }))["activityArn"]!;
        string definition = ApiTestCalls.Definition("map-run-activity").Replace("ACTIVITY_ARN", activity, StringComparison.Ordinal);
        return (await StartAsync(name, definition, input), activity);
    }
}
