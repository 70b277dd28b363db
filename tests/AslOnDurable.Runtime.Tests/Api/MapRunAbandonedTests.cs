using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// A parent execution whose result is decided while its Distributed Map's STANDARD children still run (another
/// Parallel branch fails, the execution's TimeoutSeconds passes, the map run itself fails): AWS aborts the map run and
/// its running children. On the embedded backend the map run is a sub-orchestration of the parent and each child one of
/// the map run, so the closing service terminates them in turn; each child waits for an activity worker (or a Task
/// handler) that never answers.
/// </summary>
public sealed class MapRunAbandonedTests(MapRunApiFixture fixture) : IClassFixture<MapRunApiFixture>
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly StepFunctionsSelfHost host = fixture.Host;

    [Fact]
    public async Task ParallelBranchFails_WhileAMapRunChildRuns_ParentFailsAndTheMapRunAndChildAreAborted()
    {
        fixture.Store.With("data", "abandon-par.jsonl", "{\"fail\":false}\n{\"fail\":false}\n");
        string work = await ActivityAsync("mr-abandon-par-work");
        string gate = await ActivityAsync("mr-abandon-par-gate");
        string execution = await StartAsync("mr-abandon-par", """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Process", "States": {"Process": %MAP%}},
              {"StartAt": "Gate", "States": {"Gate": {"Type": "Task", "Resource": "%GATE%", "End": true}}}]}}}
            """.Replace("%MAP%", MapState(work), StringComparison.Ordinal).Replace("%GATE%", gate, StringComparison.Ordinal));
        await TakeTaskAsync(work); // a child runs
        string token = await TakeTaskAsync(gate);
        string mapRun = await host.MapRunOfAsync(execution);

        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = token, ["error"] = "Gate.Failed", ["cause"] = "by the test" });

        JsonObject closed = await ClosedAsync(execution);
        Assert.Equal("FAILED", (string?)closed["status"]);
        Assert.Equal("Gate.Failed", (string?)closed["error"]);
        await AssertAbortedAsync(mapRun, expectChild: true);
    }

    [Fact]
    public async Task ParentTimesOut_WhileAMapRunChildRuns_ParentTimedOutAndTheMapRunAndChildAreAborted()
    {
        fixture.Store.With("data", "abandon-timeout.jsonl", "{\"fail\":false}\n");
        string work = await ActivityAsync("mr-abandon-timeout-work");
        string execution = await StartAsync("mr-abandon-timeout", """
            {"TimeoutSeconds": 10, "StartAt": "Process", "States": {"Process": %MAP%}}
            """.Replace("%MAP%", MapState(work), StringComparison.Ordinal));
        string mapRun = await host.MapRunOfAsync(execution);

        Assert.Equal("TIMED_OUT", (string?)(await ClosedAsync(execution))["status"]);
        await AssertAbortedAsync(mapRun, expectChild: false); // the deadline may come before the child has started
    }

    [Theory]
    [InlineData("STANDARD")]
    [InlineData("EXPRESS")]
    public async Task MapRunFails_WhileAnotherChunksChildRuns_ParentFailsWithoutWaitingForIt(string executionType)
    {
        // One item per chunk, both chunks at once: the second child fails while the first one's Task is held. The parent
        // awaits the map run, so its FAILED result proves the map run ended without the held child (EXPRESS: without the
        // chunk activity running it).
        MemoryItemStore store = new MemoryItemStore().With("data", "own.jsonl", "{\"fail\":false}\n{\"fail\":true}\n");
        AbandonedWorkTests.HeldOrFailingHandler handler = new();
        string definition = """{"StartAt": "Process", "States": {"Process": %MAP%}}"""
            .Replace("%MAP%", MapState(AbandonedWorkTests.Fn + "held", executionType), StringComparison.Ordinal);
        using CancellationTokenSource budget = new(Budget);
        try
        {
            ExecutionResult result = await DurableStateMachineRunner.RunAsync(
                definition, """{"key": "own.jsonl"}""", handler, new DurableRunOptions { ItemStore = store, MapRunChunkSize = 1 }, budget.Token);

            Assert.Equal(ExecutionStatus.Failed, result.Status);
            Assert.Equal("Item.Failed", result.Error?.Error);
            Assert.False(handler.Released);
        }
        finally
        {
            handler.Release();
        }
    }

    /// <summary>A Distributed Map over <c>$.key</c>'s JSONL items whose STANDARD (or EXPRESS) children wait for <paramref name="activity"/> (two at a time).</summary>
    internal static string MapState(string activity, string executionType = "STANDARD") => """
        {"Type": "Map", "End": true, "MaxConcurrency": 2,
         "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"},
                        "Parameters": {"Bucket": "data", "Key.$": "$.key"}},
         "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "%TYPE%"},
           "StartAt": "Check", "States": {
             "Check": {"Type": "Choice", "Choices": [{"Variable": "$.fail", "BooleanEquals": true, "Next": "Boom"}], "Default": "Work"},
             "Boom": {"Type": "Fail", "Error": "Item.Failed", "Cause": "item failed"},
             "Work": {"Type": "Task", "Resource": "%ACT%", "TimeoutSeconds": 3600, "End": true}}}}
        """.Replace("%ACT%", activity, StringComparison.Ordinal).Replace("%TYPE%", executionType, StringComparison.Ordinal);

    /// <summary>The map run ended ABORTED and each of its children was aborted (with <paramref name="expectChild"/>: there was one).</summary>
    private async Task AssertAbortedAsync(string mapRun, bool expectChild)
    {
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Client.WaitForCompletionAsync(MapRunInstanceIds.FromArn(mapRun), budget.Token);
        }

        JsonObject described = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        Assert.Equal("ABORTED", (string?)described["status"]);
        var children = (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun }))["executions"]!.AsArray();
        List<string?> statuses = [];
        foreach (JsonNode? child in children)
        {
            statuses.Add((string?)(await ClosedAsync((string)child!["executionArn"]!))["status"]);
        }

        Assert.All(statuses, s => Assert.Equal("ABORTED", s));
        Assert.True(!expectChild || statuses.Count > 0, "no child was listed");
    }

    private async Task<string> ActivityAsync(string name) =>
        (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = name }))["activityArn"]!;

    private async Task<string> StartAsync(string name, string definition)
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["roleArn"] = ApiTestCalls.Role, ["definition"] = definition,
        }))["stateMachineArn"]!;
        return (string)(await host.OkAsync("StartExecution", new JsonObject
        {
            ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = new JsonObject { ["key"] = name["mr-".Length..] + ".jsonl" }.ToJsonString(),
        }))["executionArn"]!;
    }

    /// <summary>The next task of an activity (GetActivityTask polls up to 60 s; asked again within the budget).</summary>
    private async Task<string> TakeTaskAsync(string activity)
    {
        using CancellationTokenSource budget = new(Budget);
        while (true)
        {
            JsonObject task = await host.OkAsync("GetActivityTask", new JsonObject { ["activityArn"] = activity });
            if ((string?)task["taskToken"] is { Length: > 0 } token)
            {
                return token;
            }

            budget.Token.ThrowIfCancellationRequested();
        }
    }

    /// <summary>DescribeExecution once the execution is no longer RUNNING (bounded).</summary>
    private async Task<JsonObject> ClosedAsync(string execution)
    {
        using CancellationTokenSource budget = new(Budget);
        while (true)
        {
            JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
            if ((string?)described["status"] != "RUNNING")
            {
                return described;
            }

            await Task.Delay(50, budget.Token);
        }
    }
}
