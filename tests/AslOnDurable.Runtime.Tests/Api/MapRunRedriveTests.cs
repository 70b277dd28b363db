using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// RedriveExecution of a parent whose Distributed Map's map run failed (embedded backend): the map run is redriven, only
/// its unsuccessful children run again, and the Map's output is what a clean run gives.
/// </summary>
public sealed class MapRunRedriveTests : IAsyncLifetime
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";
    private const int Items = 250; // three chunks of the default 100 (99 with batches of 3): one runs, two stay pending
    private static readonly int[] Failing = [5, 7];
    private readonly ItemHandler handler = new();
    private readonly MemoryItemStore store = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None, store,
            services => services.AddSingleton<ITaskHandler>(handler));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task RedriveExecution_MapRunFailed_RerunsOnlyUnsuccessfulChildren_OutputAsACleanRun()
    {
        store.With("data", "items.jsonl", Lines());
        JsonObject execution = await StartAndWaitAsync("mr-redrive", "map-run-redrive");
        JsonObject failed = await host.OkAsync("DescribeExecution", Copy(execution));
        Assert.Equal("FAILED", (string?)failed["status"]);
        Assert.Equal("Item.Failed", (string?)failed["error"]);
        string mapRun = (string)(await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]![0]!["mapRunArn"]!;
        JsonObject before = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        Assert.Equal("FAILED", (string?)before["status"]);
        Assert.Equal(0, (int)before["redriveCount"]!);
        Assert.True((long)before["itemCounts"]!["pending"]! > 0, "later chunks never started");

        JsonObject redriven = await host.OkAsync("RedriveExecution", Copy(execution));
        await host.Client.WaitForCompletionAsync("mr-redrive:run", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", Copy(execution));
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        JsonAssert.Equal(new JsonArray([.. Enumerable.Range(0, Items).Select(i => (JsonNode)new JsonObject { ["id"] = i, ["done"] = true })]).ToJsonString(), JsonNode.Parse((string)described["output"]!));
        for (int i = 0; i < Items; i++)
        {
            Assert.Equal(Failing.Contains(i) ? 2 : 1, handler.Calls(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        JsonObject after = await DescribeClosedMapRunAsync(mapRun);
        Assert.Equal("SUCCEEDED", (string?)after["status"]);
        Assert.Equal(1, (int)after["redriveCount"]!);
        Assert.Equal(redriven["redriveDate"]!.GetValue<decimal>(), after["redriveDate"]!.GetValue<decimal>());
        Assert.Equal(before["startDate"]!.GetValue<decimal>(), after["startDate"]!.GetValue<decimal>()); // the first run's, kept
        Assert.Equal(Items, (long)after["itemCounts"]!["succeeded"]!);
        Assert.Equal(0, (long)after["itemCounts"]!["failed"]!);
        Assert.Equal(Items, (long)after["itemCounts"]!["total"]!);
        Assert.Single((await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]!.AsArray());

        JsonArray events = (await host.OkAsync("GetExecutionHistory", Copy(execution)))["events"]!.AsArray();
        string[] types = [.. events.Select(e => (string)e!["type"]!)];
        int redrivenAt = Array.IndexOf(types, "ExecutionRedriven");
        Assert.Equal(["MapStateEntered", "MapStateStarted", "MapRunRedriven", "MapRunSucceeded"], types[(redrivenAt + 1)..(redrivenAt + 5)]);
        JsonObject details = events[redrivenAt + 3]!["mapRunRedrivenEventDetails"]!.AsObject();
        Assert.Equal(mapRun, (string?)details["mapRunArn"]);
        Assert.Equal(1, (int)details["redriveCount"]!);
        Assert.Empty(store.Names("asl-map-runs")); // working data goes once the map run succeeded
    }

    [Fact]
    public async Task RedriveExecution_MapRunWithResultWriter_RewritesFailedParts_ResultFilesAsACleanRun()
    {
        store.With("data", "items.jsonl", Lines());
        JsonObject execution = await StartAndWaitAsync("mr-redrive-writer", "map-run-redrive-writer");
        Assert.Equal("FAILED", (string?)(await host.OkAsync("DescribeExecution", Copy(execution)))["status"]);
        Assert.Contains(store.Names("results"), n => n.EndsWith("/FAILED_0.json", StringComparison.Ordinal));

        await host.OkAsync("RedriveExecution", Copy(execution));
        await host.Client.WaitForCompletionAsync("mr-redrive-writer:run", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", Copy(execution));
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        JsonObject output = JsonNode.Parse((string)described["output"]!)!.AsObject();
        string manifestKey = (string)output["ResultWriterDetails"]!["Key"]!;
        JsonObject manifest = JsonNode.Parse(store.Text("results", manifestKey)!)!.AsObject();
        Assert.Empty(manifest["ResultFiles"]!["FAILED"]!.AsArray());
        JsonArray written = [];
        foreach (JsonNode? file in manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray())
        {
            foreach (JsonNode? entry in JsonNode.Parse(store.Text("results", (string)file!["Key"]!)!)!.AsArray())
            {
                written.Add(entry?.DeepClone());
            }
        }

        JsonArray clean = [.. Enumerable.Range(0, (Items + 2) / 3).Select(b => (JsonNode)new JsonObject
        {
            ["ids"] = new JsonArray([.. Enumerable.Range(b * 3, Math.Min(3, Items - (b * 3))).Select(i => (JsonNode)i)]),
        })];
        JsonAssert.Equal(clean.ToJsonString(), written);
        Assert.DoesNotContain(store.Names("results"), n => n.Contains("/FAILED_", StringComparison.Ordinal));
        Assert.Equal(2, handler.Calls("3,4,5"));
        Assert.Equal(2, handler.Calls("6,7,8"));
        Assert.Equal(1, handler.Calls("0,1,2"));
        Assert.Equal(1, handler.Calls("99,100,101"));
    }

    [Fact]
    public async Task DescribeMapRun_WhileARedriveRerunsTheFailedBatches_PendingRedriveCountsThem_ZeroOnceDone()
    {
        store.With("data", "items.jsonl", Lines());
        JsonObject execution = await StartAndWaitAsync("mr-redrive-pending", "map-run-redrive-writer");
        string mapRun = (string)(await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]![0]!["mapRunArn"]!;
        JsonObject before = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        Assert.Equal(0, (long)before["itemCounts"]!["pendingRedrive"]!);
        handler.HoldSecondCallOf("3,4,5");

        await host.OkAsync("RedriveExecution", Copy(execution));
        await handler.Held.Task.WaitAsync(TimeSpan.FromMinutes(2));
        JsonObject during = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        handler.Release();
        await host.Client.WaitForCompletionAsync("mr-redrive-pending:run", CancellationToken.None);
        JsonObject after = await DescribeClosedMapRunAsync(mapRun);

        // The first chunk's two failed batches of 3 ("3,4,5", "6,7,8") wait for the redrive until their chunk reran.
        Assert.Equal("RUNNING", (string?)during["status"]);
        Assert.Equal(6, (long)during["itemCounts"]!["pendingRedrive"]!);
        Assert.Equal(2, (long)during["executionCounts"]!["pendingRedrive"]!);
        Assert.Equal("SUCCEEDED", (string?)after["status"]);
        Assert.Equal(0, (long)after["itemCounts"]!["pendingRedrive"]!);
        Assert.Equal(0, (long)after["executionCounts"]!["pendingRedrive"]!);
        Assert.Equal(Items, (long)after["itemCounts"]!["succeeded"]!);
    }

    [Fact]
    public async Task RedriveExecution_StandardChildrenFailed_RedrivesThoseChildrenInPlace_KeepsTheSucceeded_OutputAsACleanRun()
    {
        const int count = 150; // two chunks of 100: the first runs (100 children at once) and fails, the second stays pending
        store.With("data", "standard.jsonl", Lines(count));
        string definition = ApiTestCalls.Definition("map-run-redrive")
            .Replace("\"EXPRESS\"", "\"STANDARD\"", StringComparison.Ordinal)
            .Replace("\"MaxConcurrency\": 1", "\"MaxConcurrency\": 100", StringComparison.Ordinal);
        JsonObject execution = await StartAndWaitAsync("mr-redrive-std", "map-run-redrive", """{"key":"standard.jsonl"}""", definition);
        Assert.Equal("FAILED", (string?)(await host.OkAsync("DescribeExecution", Copy(execution)))["status"]);
        string mapRun = (string)(await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]![0]!["mapRunArn"]!;
        JsonObject before = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        Assert.Equal(50, (long)before["itemCounts"]!["pending"]!);
        var failedBefore = (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun, ["statusFilter"] = "FAILED" }))["executions"]!.AsArray()
            .Select(e => (string)e!["executionArn"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Failing.Length, failedBefore.Count);

        JsonObject redriven = await host.OkAsync("RedriveExecution", Copy(execution));
        await host.Client.WaitForCompletionAsync("mr-redrive-std:run", CancellationToken.None);

        JsonObject described = await host.OkAsync("DescribeExecution", Copy(execution));
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        JsonAssert.Equal(new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["id"] = i, ["done"] = true })]).ToJsonString(), JsonNode.Parse((string)described["output"]!));
        for (int i = 0; i < count; i++)
        {
            Assert.Equal(Failing.Contains(i) ? 2 : 1, handler.Calls(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        JsonObject after = await DescribeClosedMapRunAsync(mapRun);
        Assert.Equal("SUCCEEDED", (string?)after["status"]);
        Assert.Equal(1, (int)after["redriveCount"]!);
        Assert.Equal(before["startDate"]!.GetValue<decimal>(), after["startDate"]!.GetValue<decimal>());
        JsonAssert.Equal(
            $$"""{"pending":0,"running":0,"succeeded":{{count}},"failed":0,"timedOut":0,"aborted":0,"total":{{count}},"resultsWritten":0,"failuresNotRedrivable":0,"pendingRedrive":0}""",
            after["itemCounts"]);
        Assert.Equal(count, (long)after["executionCounts"]!["succeeded"]!);

        // The failed children were redriven in place (same ARNs), the others not; no child was started twice.
        JsonArray children = (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun, ["maxResults"] = 1000 }))["executions"]!.AsArray();
        Assert.Equal(count, children.Count);
        Assert.All(children, c => Assert.Equal("SUCCEEDED", (string?)c!["status"]));
        foreach (string arn in failedBefore)
        {
            JsonObject child = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = arn });
            Assert.Equal("SUCCEEDED", (string?)child["status"]);
            Assert.Equal(1, (int)child["redriveCount"]!);
        }

        string kept = (string)children.First(c => !failedBefore.Contains((string)c!["executionArn"]!))!["executionArn"]!;
        Assert.Equal(0, (int)((await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = kept }))["redriveCount"] ?? 0));
        JsonArray events = (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = failedBefore[0] }))["events"]!.AsArray();
        Assert.Contains(events, e => (string?)e!["type"] == "ExecutionRedriven");

        // Asked again by the same redrive (a retried activity), a child is not redriven twice.
        DateTimeOffset redriveDate = DateTimeOffset.FromUnixTimeMilliseconds((long)(redriven["redriveDate"]!.GetValue<decimal>() * 1000));
        MapRunChildRedrives redrives = new(host.Services.GetRequiredService<ApiResources>(), () => host.Client);
        Assert.Null(await redrives.RedriveAsync(failedBefore[0], redriveDate, CancellationToken.None));
        JsonObject again = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = failedBefore[0] });
        Assert.Equal(1, (int)again["redriveCount"]!);
        Assert.Equal("SUCCEEDED", (string?)again["status"]);
        Assert.Equal(redriven["redriveDate"]!.GetValue<decimal>(), again["redriveDate"]!.GetValue<decimal>());
        // A succeeded child is not restarted: it is kept as it is (an aborted chunk's child may have ended on its own).
        Assert.Null(await redrives.RedriveAsync(kept, redriveDate, CancellationToken.None));
        Assert.Equal(0, (int)((await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = kept }))["redriveCount"] ?? 0));
        Assert.Equal("SUCCEEDED", (await redrives.OutcomeAsync(kept, redriveDate, TimeSpan.Zero, CancellationToken.None))?.Status);
    }

    [Fact]
    public async Task DescribeMapRun_RedrivenStandardChildStillRunning_NoLongerPendingRedrive()
    {
        store.With("data", "standard-held.jsonl", Lines(150));
        string definition = ApiTestCalls.Definition("map-run-redrive")
            .Replace("\"EXPRESS\"", "\"STANDARD\"", StringComparison.Ordinal)
            .Replace("\"MaxConcurrency\": 1", "\"MaxConcurrency\": 100", StringComparison.Ordinal);
        JsonObject execution = await StartAndWaitAsync("mr-redrive-held", "map-run-redrive", """{"key":"standard-held.jsonl"}""", definition);
        string mapRun = (string)(await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]![0]!["mapRunArn"]!;
        handler.HoldSecondCallOf("5");

        await host.OkAsync("RedriveExecution", Copy(execution));
        await handler.Held.Task.WaitAsync(TimeSpan.FromMinutes(2));
        JsonObject during = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        DateTimeOffset until = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2);
        while ((long)during["executionCounts"]!["pendingRedrive"]! > 0 && DateTimeOffset.UtcNow < until)
        {
            await Task.Delay(100);
            during = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
        }

        handler.Release();
        await host.Client.WaitForCompletionAsync("mr-redrive-held:run", CancellationToken.None);

        // Child 5 is held in its redriven run: the chunk answered Pending, and its restarted children left pendingRedrive.
        Assert.Equal("RUNNING", (string?)during["status"]);
        Assert.Equal(0, (long)during["executionCounts"]!["pendingRedrive"]!);
        Assert.Equal(0, (long)during["itemCounts"]!["pendingRedrive"]!);
        Assert.Equal("SUCCEEDED", (string?)(await host.OkAsync("DescribeExecution", Copy(execution)))["status"]);
        Assert.Equal(2, handler.Calls("5"));
    }

    [Fact]
    public async Task DescribeExecution_FailedStandardMapRunChild_RedrivableByMapRun_RedriveExecutionRefusesIt()
    {
        store.With("data", "few.jsonl", Lines(10));
        string definition = ApiTestCalls.Definition("map-run-redrive").Replace("\"EXPRESS\"", "\"STANDARD\"", StringComparison.Ordinal);
        JsonObject execution = await StartAndWaitAsync("mr-redrive-standard", "map-run-redrive", """{"key":"few.jsonl"}""", definition);
        string mapRun = (string)(await host.OkAsync("ListMapRuns", Copy(execution)))["mapRuns"]![0]!["mapRunArn"]!;
        JsonArray children = (await host.OkAsync("ListExecutions", new JsonObject { ["mapRunArn"] = mapRun, ["statusFilter"] = "FAILED" }))["executions"]!.AsArray();
        Assert.Equal(Failing.Length, children.Count);
        JsonObject child = new() { ["executionArn"] = children[0]!["executionArn"]!.DeepClone() };

        JsonObject described = await host.OkAsync("DescribeExecution", Copy(child));
        JsonObject refused = await host.ErrorAsync("RedriveExecution", Copy(child), ApiErrorTypes.ExecutionNotRedrivable);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("REDRIVABLE_BY_MAP_RUN", (string?)described["redriveStatus"]);
        Assert.Null(described["redriveStatusReason"]);
        Assert.Contains(mapRun, (string?)refused["message"], StringComparison.Ordinal);
        Assert.Equal("REDRIVABLE", (string?)(await host.OkAsync("DescribeExecution", Copy(execution)))["redriveStatus"]);
    }

    private static string Lines(int count = Items)
    {
        StringBuilder text = new();
        for (int i = 0; i < count; i++)
        {
            text.Append("{\"id\":").Append(i).Append(",\"fail\":").Append(Failing.Contains(i) ? "true" : "false").Append("}\n");
        }

        return text.ToString();
    }

    private async Task<JsonObject> StartAndWaitAsync(string name, string definitionName, string input = """{"key":"items.jsonl"}""", string? definition = null)
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["roleArn"] = ApiTestCalls.Role, ["definition"] = definition ?? ApiTestCalls.Definition(definitionName),
        }))["stateMachineArn"]!;
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = input });
        await host.Client.WaitForCompletionAsync(name + ":run", CancellationToken.None);
        Assert.StartsWith(Prefix + "execution:" + name + ":", (string)started["executionArn"]!, StringComparison.Ordinal);
        return new JsonObject { ["executionArn"] = started["executionArn"]!.DeepClone() };
    }

    /// <summary>
    /// The map run once its own record closed: the parent execution completes when the map run's result reaches it, and
    /// the map run's instance records its closing a moment later (seen RUNNING in between on a loaded CI machine).
    /// </summary>
    private async Task<JsonObject> DescribeClosedMapRunAsync(string mapRun)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            JsonObject described = await host.OkAsync("DescribeMapRun", new JsonObject { ["mapRunArn"] = mapRun });
            if ((string?)described["status"] != "RUNNING" || DateTime.UtcNow > deadline)
            {
                return described;
            }

            await Task.Delay(20);
        }
    }

    private static JsonObject Copy(JsonObject arn) => (JsonObject)arn.DeepClone();

    /// <summary>Fails the first call for a child whose item (or a batch's item) has <c>fail</c> set; counts calls per child.</summary>
    private sealed class ItemHandler : ITaskHandler
    {
        private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? hold;

        /// <summary>Completes when the held call started; it waits for <see cref="Release"/>.</summary>
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls(string ids) => calls.GetValueOrDefault(ids);

        public void HoldSecondCallOf(string ids) => hold = ids;

        public void Release() => release.TrySetResult();

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            JsonNode? input = invocation.Input;
            JsonNode?[] items = input?["Items"] is JsonArray batch ? [.. batch] : [input];
            string key = string.Join(",", items.Select(i => (int)i!["id"]!));
            int attempt = calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (attempt == 2 && key == hold)
            {
                Held.TrySetResult();
                await release.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }

            if (attempt == 1 && items.Any(i => (bool)i!["fail"]!))
            {
                return TaskOutcome.Failure(new AslError("Item.Failed", "item " + key + " failed"));
            }

            JsonObject result = input?["Items"] is JsonArray
                ? new JsonObject { ["ids"] = new JsonArray([.. items.Select(i => (JsonNode)(int)i!["id"]!)]) }
                : new JsonObject { ["id"] = (int)input!["id"]!, ["done"] = true };
            return TaskOutcome.Success(result);
        }
    }
}
