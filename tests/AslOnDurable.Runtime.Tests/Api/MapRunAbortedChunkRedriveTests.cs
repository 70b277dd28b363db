using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// A STANDARD map run that fails while another chunk's child still runs ends without it (the child is aborted); a redrive
/// of the parent then redrives that chunk's unsuccessful children in place, under their names, and keeps its succeeded
/// ones, as AWS redrives a map run's unsuccessful children (embedded backend).
/// </summary>
public sealed class MapRunAbortedChunkRedriveTests : IAsyncLifetime
{
    private const string Definition = """
        {"StartAt": "Process", "States": {"Process": {"Type": "Map", "End": true, "Label": "items",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSONL"}, "Parameters": {"Bucket": "data", "Key": "aborted.jsonl"}},
          "ItemBatcher": {"MaxItemsPerBatch": 50},
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}, "StartAt": "Check", "States": {
            "Check": {"Type": "Choice", "Choices": [{"Variable": "$.Items[0].kind", "StringEquals": "fail", "Next": "Worker"}], "Default": "Work"},
            "Worker": {"Type": "Task", "Resource": "%ACT%", "TimeoutSeconds": 3600, "End": true},
            "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:work", "End": true}}}}}}
        """;

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly KindHandler handler = new();
    private readonly MemoryItemStore store = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None, store,
            services => services.AddSingleton<ITaskHandler>(handler));

    public async Task DisposeAsync()
    {
        handler.Release();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task RedriveExecution_MapRunFailedWhileAnotherChunksChildRan_AbortedChildRedrivenInPlace_SucceededSiblingKept()
    {
        // Batches of 50, chunks of 100 items: chunk 0 holds an "ok" batch and a "hold" batch, chunk 1 one "fail" batch.
        store.With("data", "aborted.jsonl", ItemLines());
        // The "fail" child asks an activity worker (the test), so it holds no Task slot while the "ok" child runs.
        string worker = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "mr-aborted-chunk-worker" }))["activityArn"]!;
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "mr-aborted-chunk", ["roleArn"] = ApiTestCalls.Role, ["definition"] = Definition.Replace("%ACT%", worker, StringComparison.Ordinal),
        }))["stateMachineArn"]!;
        JsonObject execution = new() { ["executionArn"] = (await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run" }))["executionArn"]!.DeepClone() };
        string mapRun = await host.MapRunOfAsync((string)execution["executionArn"]!);

        // The "fail" child fails once the "ok" child has succeeded (so the aborted chunk has a finished sibling to keep).
        string firstTask = await TakeTaskAsync(worker);
        await WaitListedAsync(mapRun, "SUCCEEDED", 1);
        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = firstTask, ["error"] = "Item.Failed", ["cause"] = "the first call fails" });
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Client.WaitForCompletionAsync("mr-aborted-chunk:run", budget.Token);
        }

        JsonObject failed = await host.OkAsync("DescribeExecution", (JsonObject)execution.DeepClone());
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("Item.Failed", (string?)failed["error"]);
        await WaitListedAsync(mapRun, "ABORTED", 1); // the held child, terminated with its map run
        Dictionary<string, string> before = await ChildrenAsync(mapRun);
        Assert.Equal(["ABORTED", "FAILED", "SUCCEEDED"], before.Values.Order(StringComparer.Ordinal));

        await host.OkAsync("RedriveExecution", (JsonObject)execution.DeepClone());
        await host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = await TakeTaskAsync(worker), ["output"] = """{"kind":"fail"}""" });
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Client.WaitForCompletionAsync("mr-aborted-chunk:run", budget.Token);
        }

        Assert.Equal("SUCCEEDED", (string?)(await host.OkAsync("DescribeExecution", (JsonObject)execution.DeepClone()))["status"]);
        Dictionary<string, string> after = await ChildrenAsync(mapRun);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), after.Keys.Order(StringComparer.Ordinal)); // the same children, no new names
        Assert.All(after.Values, s => Assert.Equal("SUCCEEDED", s));
        foreach ((string arn, string status) in before)
        {
            JsonObject child = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
            Assert.Equal(status == "SUCCEEDED" ? 0 : 1, (int)child["redriveCount"]!);
        }

        Assert.Equal(1, handler.Calls("ok"));
        Assert.Equal(2, handler.Calls("hold"));
        Assert.Equal(0, handler.Calls("fail"));
        JsonObject described = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal(101, (long)described["itemCounts"]!["succeeded"]!);
    }

    [Fact]
    public async Task RedriveExecution_RedriveFailsWhileAnotherChunksRedrivenChildRuns_ParentFailsAtOnceAndTheChildIsAborted()
    {
        // As above, with the "hold" batch waiting for a second activity worker that never answers: the redrive redrives it
        // in place (a top-level instance the map run looks at between durable timers) and the "fail" batch fails again, so
        // the redrive fails while the held child runs.
        store.With("data", "redrive-abort.jsonl", ItemLines());
        string worker = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "mr-redrive-abort-worker" }))["activityArn"]!;
        string holder = (string)(await host.OkAsync("CreateActivity", new JsonObject { ["name"] = "mr-redrive-abort-holder" }))["activityArn"]!;
        string definition = Definition.Replace("%ACT%", worker, StringComparison.Ordinal).Replace("aborted.jsonl", "redrive-abort.jsonl", StringComparison.Ordinal)
            .Replace("""{"Variable": "$.Items[0].kind", "StringEquals": "fail", "Next": "Worker"}""",
                """{"Variable": "$.Items[0].kind", "StringEquals": "fail", "Next": "Worker"}, {"Variable": "$.Items[0].kind", "StringEquals": "hold", "Next": "Holder"}""", StringComparison.Ordinal)
            .Replace("\"Work\": {", "\"Holder\": {\"Type\": \"Task\", \"Resource\": \"" + holder + "\", \"End\": true},\n\"Work\": {", StringComparison.Ordinal);
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "mr-redrive-abort", ["roleArn"] = ApiTestCalls.Role, ["definition"] = definition,
        }))["stateMachineArn"]!;
        JsonObject execution = new() { ["executionArn"] = (await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run" }))["executionArn"]!.DeepClone() };
        string mapRun = await host.MapRunOfAsync((string)execution["executionArn"]!);
        string firstTask = await TakeTaskAsync(worker);
        await WaitListedAsync(mapRun, "SUCCEEDED", 1);
        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = firstTask, ["error"] = "Item.Failed", ["cause"] = "the first call fails" });
        await WaitListedAsync(mapRun, "ABORTED", 1);
        string heldChild = (await ChildrenAsync(mapRun)).Single(c => c.Value == "ABORTED").Key;
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Client.WaitForCompletionAsync("mr-redrive-abort:run", budget.Token);
        }

        await host.OkAsync("RedriveExecution", (JsonObject)execution.DeepClone());
        string secondTask = await TakeTaskAsync(worker);
        using (CancellationTokenSource budget = new(Budget))
        {
            // Both chunks' redriven children run (none is pending a redrive any more): the map run looks at them between timers.
            while ((long?)(await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun }))["executionCounts"]!["pendingRedrive"] != 0)
            {
                await Task.Delay(50, budget.Token);
            }
        }

        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = secondTask, ["error"] = "Item.Failed", ["cause"] = "the second call fails too" });
        using (CancellationTokenSource budget = new(Budget))
        {
            await host.Client.WaitForCompletionAsync("mr-redrive-abort:run", budget.Token);
        }

        JsonObject failed = await host.OkAsync("DescribeExecution", (JsonObject)execution.DeepClone());
        Assert.Equal(("FAILED", "Item.Failed"), ((string?)failed["status"], (string?)failed["error"]));
        using (CancellationTokenSource budget = new(Budget))
        {
            while ((string?)(await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = heldChild }))["status"] == "RUNNING")
            {
                await Task.Delay(50, budget.Token);
            }
        }

        JsonObject child = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = heldChild });
        Assert.Equal(("ABORTED", 1), ((string?)child["status"], (int)child["redriveCount"]!));
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

    private async Task WaitListedAsync(string mapRun, string status, int count)
    {
        using CancellationTokenSource budget = new(Budget);
        while ((await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun, ["statusFilter"] = status }))["executions"]!.AsArray().Count < count)
        {
            await Task.Delay(50, budget.Token);
        }
    }

    private async Task<Dictionary<string, string>> ChildrenAsync(string mapRun) =>
        (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun }))["executions"]!.AsArray()
            .ToDictionary(e => (string)e!["executionArn"]!, e => (string)e!["status"]!, StringComparer.Ordinal);

    /// <summary>By the batch's kind: "ok" succeeds; "hold" waits on its first call.</summary>
    private sealed class KindHandler : ITaskHandler
    {
        private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls(string kind) => calls.GetValueOrDefault(kind);

        public void Release() => held.TrySetResult();

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            string kind = (string)invocation.Input!["Items"]![0]!["kind"]!;
            int attempt = calls.AddOrUpdate(kind, 1, (_, n) => n + 1);
            if (attempt == 1 && kind == "hold")
            {
                await held.Task.WaitAsync(Budget);
            }

            return TaskOutcome.Success(new JsonObject { ["kind"] = kind });
        }
    }

    /// <summary>101 items, one per line: 50 "ok", 50 "hold", 1 "fail" (two batches of 50 in chunk 0, one in chunk 1).</summary>
    private static string ItemLines()
    {
        StringBuilder lines = new();
        for (int i = 0; i < 101; i++)
        {
            lines.Append("{\"kind\":\"").Append(i < 50 ? "ok" : i < 100 ? "hold" : "fail").Append("\"}\n");
        }

        return lines.ToString();
    }
}
