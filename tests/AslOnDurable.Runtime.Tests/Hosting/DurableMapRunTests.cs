using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Distributed Maps with an ItemReader on the durable self-host (in-memory backend, items in a
/// <see cref="MemoryItemStore"/>): the map run is its own orchestration, EXPRESS chunks run in activities, STANDARD
/// children are executions of their own, and the parent's history does not grow with the item count.
/// </summary>
public sealed class DurableMapRunTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);
    private readonly OrchestrationHistoryMeter meter = new();
    private readonly MemoryItemStore store = new();
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(
            new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache(), itemStore: store), meter, CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => meter.Dispose();

    [Fact]
    public async Task ExpressWithResultWriter_WritesTheSameResultsAsTheInMemoryEngine()
    {
        store.With("data", "items.jsonl", Lines(7));
        var memory = new MemoryItemStore().With("data", "items.jsonl", Lines(7));

        var durable = await RunAsync("express-writer", """{"key":"items.jsonl","tag":"t"}""", chunkSize: 3);
        var express = await RunInMemoryAsync("express-writer", """{"key":"items.jsonl","tag":"t"}""", memory);

        Assert.Equal(ExecutionStatus.Succeeded, durable.Status);
        Assert.Equal(ExecutionStatus.Succeeded, express.Status);
        var arn = durable.Output!["MapRunArn"]!.GetValue<string>();
        Assert.Matches("^arn:aws:states:us-east-1:123456789012:mapRun:express-writer/proc:[0-9a-f-]{36}$", arn);
        var id = arn[(arn.LastIndexOf(':') + 1)..];
        Assert.Equal($"out/{id}/manifest.json", durable.Output["ResultWriterDetails"]!["Key"]!.GetValue<string>());
        var succeeded = new JsonArray();
        foreach (var key in store.Names("results").Where(n => n.Contains("/SUCCEEDED_", StringComparison.Ordinal)).OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal))
        {
            foreach (var entry in JsonNode.Parse(store.Text("results", key)!)!.AsArray())
            {
                succeeded.Add(entry?.DeepClone());
            }
        }

        var expressId = express.Output!["MapRunArn"]!.GetValue<string>().Split(':')[^1];
        JsonAssert.Equal(memory.Text("results", $"out/{expressId}/SUCCEEDED_0.json")!, succeeded);
        var manifest = JsonNode.Parse(store.Text("results", $"out/{id}/manifest.json")!)!;
        Assert.Equal(arn, manifest["MapRunArn"]!.GetValue<string>());
        Assert.Equal(3, manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray().Count);
        Assert.Empty(manifest["ResultFiles"]!["FAILED"]!.AsArray());
        Assert.Empty(store.Names("asl-map-runs"));
    }

    [Fact]
    public async Task ParentHistory_DoesNotGrowWithTheItemCount_AndTheMapRunContinuesAsNew()
    {
        store.With("data", "few.jsonl", Lines(4)).With("data", "many.jsonl", Lines(60));

        var few = await RunAsync("express-writer", """{"key":"few.jsonl","tag":"a"}""", chunkSize: 4, chunksPerGeneration: 2, name: "few");
        var many = await RunAsync("express-writer", """{"key":"many.jsonl","tag":"b"}""", chunkSize: 4, chunksPerGeneration: 2, name: "many");

        Assert.Equal(ExecutionStatus.Succeeded, few.Status);
        Assert.Equal(ExecutionStatus.Succeeded, many.Status);
        var sizes = meter.HistorySizes;
        int Parent(string name) => sizes.Where(s => meter.InstanceIds.GetValueOrDefault(s.Key) == name).Sum(s => s.Value);
        Assert.True(Parent("few") > 0);
        Assert.Equal(Parent("few"), Parent("many"));
        var mapRun = MapRunInstanceIds.FromArn(many.Output!["MapRunArn"]!.GetValue<string>());
        var generations = sizes.Where(s => meter.InstanceIds.GetValueOrDefault(s.Key) == mapRun).Select(s => s.Value).ToList();
        Assert.True(generations.Count >= 7, $"{generations.Count} generations");
        var fewGenerations = sizes.Where(s => meter.InstanceIds.GetValueOrDefault(s.Key) == MapRunInstanceIds.FromArn(few.Output!["MapRunArn"]!.GetValue<string>())).Max(s => s.Value);
        Assert.True(generations.Max() <= fewGenerations + 4, $"largest generation {generations.Max()} events, few items {fewGenerations}");
    }

    [Fact]
    public async Task StandardChildren_RunAsExecutionsOfTheirOwn_OutputsInItemOrder()
    {
        store.With("data", "items.json", """[{"n":1},{"n":2},{"n":3},{"n":4},{"n":5}]""");

        var result = await RunAsync("standard-output", "{}", chunkSize: 2);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        var results = result.Output!["results"]!.AsArray();
        Assert.Equal([1, 2, 3, 4, 5], results.Select(r => r!["n"]!.GetValue<int>()));
        var names = results.Select(r => r!["execution"]!.GetValue<string>()).ToList();
        Assert.Equal(5, names.Distinct().Count());
        var childInstances = meter.InstanceIds.Values.Where(i => i.StartsWith("arn:aws:states:us-east-1:123456789012:execution:standard-output:Process:", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Equal(5, childInstances.Count);
        Assert.Empty(store.Names("asl-map-runs"));
    }

    [Fact]
    public async Task ItemBatcherAndJsonataSelector_BatchesOfThree_WithBatchInput()
    {
        store.With("data", "items.csv", "n\n1\n2\n3\n4\n5\n6\n7\n");

        var result = await RunAsync("batcher-jsonata", """{"run":"r1"}""", chunkSize: 4);

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Status}: {result.Error}");
        JsonAssert.Equal("""
            [{"run":"r1","sum":6,"first":0},{"run":"r1","sum":15,"first":3},{"run":"r1","sum":7,"first":6}]
            """, result.Output);
    }

    [Fact]
    public async Task ToleratedFailureCount_OneFailure_Succeeds_TwoFailures_ExceedTheThreshold()
    {
        store.With("data", "items.jsonl", "{\"fail\":false}\n{\"fail\":true}\n{\"fail\":false}\n");

        var tolerated = await RunAsync("tolerated", "{}", chunkSize: 1, name: "one");
        store.With("data", "items.jsonl", "{\"fail\":true}\n{\"fail\":true}\n{\"fail\":false}\n");
        var exceeded = await RunAsync("tolerated", "{}", chunkSize: 1, name: "two");

        Assert.Equal(ExecutionStatus.Succeeded, tolerated.Status);
        JsonAssert.Equal("""[{"fail":false},{"fail":false}]""", tolerated.Output);
        Assert.Equal(ExecutionStatus.Failed, exceeded.Status);
        Assert.Equal(new AslError(StatesErrorNames.ExceedToleratedFailureThreshold, "The specified tolerated failure threshold was exceeded"), exceeded.Error);
    }

    [Fact]
    public async Task NoTolerance_AFailedChild_FailsTheMapWithItsError()
    {
        store.With("data", "items.jsonl", "{\"fail\":false}\n{\"fail\":true}\n");

        var result = await RunAsync("failing", "{}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(new AslError("Item.Failed", "item failed"), result.Error);
    }

    [Fact]
    public async Task ItemsPointerAtAnObject_OneChildPerMemberInOrder_SameAsTheInMemoryEngine()
    {
        store.With("data", "servers.json", """{"servers":{"web":{"server2":{"port":8080},"server1":{"port":80},"server3":"off"}}}""");

        var durable = await RunAsync("pointer-object", "{}", chunkSize: 2);
        var inMemory = await RunInMemoryAsync("pointer-object", "{}", store);

        Assert.True(durable.Status == ExecutionStatus.Succeeded, $"{durable.Status}: {durable.Error}");
        JsonAssert.Equal("""
            [{"index":0,"pair":{"Key":"server2","Value":{"port":8080}}},{"index":1,"pair":{"Key":"server1","Value":{"port":80}}},{"index":2,"pair":{"Key":"server3","Value":"off"}}]
            """, durable.Output);
        JsonAssert.Equal(inMemory.Output!.ToJsonString(), durable.Output);
    }

    [Fact]
    public async Task MissingBlob_FailsWithItemReaderFailed()
    {
        var result = await RunAsync("failing", "{}");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("data/items.jsonl", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedLine_FailsWithItemReaderFailedNamingTheLine()
    {
        store.With("data", "items.jsonl", "{\"fail\":false}\n{not json\n");

        var result = await RunAsync("failing", "{}");

        Assert.Equal(StatesErrorNames.ItemReaderFailed, result.Error!.Error);
        Assert.Contains("line 2", result.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(store.Names("asl-map-runs")); // what was staged before the bad line is deleted
    }

    [Fact]
    public async Task OutputArrayOverThePayloadQuota_FailsWithDataLimitExceeded()
    {
        store.With("data", "items.json", "[" + string.Join(",", Enumerable.Range(0, 40).Select(i => $$"""{"n":"{{new string('x', 100)}}{{i}}"}""")) + "]");

        var result = await RunAsync("standard-output", "{}", chunkSize: 10, maxPayloadBytes: 2000);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error!.Error);
    }

    [Fact]
    public async Task HostWithoutItemStore_FailsWithStatesRuntimeNamingTheOptions()
    {
        await using var bare = await DurableSelfHost.StartAsync(
            new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(new TestTaskHandler(), new ExecutionPlanCache()), meter, CancellationToken.None);
        using CancellationTokenSource cts = new(Budget);

        var result = await DurableStateMachineRunner.RunOnAsync(
            bare.Client, Definition("failing"), JsonNode.Parse("{}"), new DurableRunOptions { StateMachineName = "failing" }, cts.Token);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.Contains("--items-folder", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapRun_RedrivenMoreThanAwsLimit_FailsWithStatesRuntime_WithoutReadingItems()
    {
        const string arn = "arn:aws:states:us-east-1:123456789012:mapRun:m/proc:00000000-0000-0000-0000-00000000a001";
        var request = new Core.Engine.MapRuns.MapRunRequest
        {
            MapRunArn = arn, MapRunId = "00000000-0000-0000-0000-00000000a001", Label = "proc", StateName = "Process",
            ReaderResource = "arn:aws:states:::s3:getObject", ExecutionName = "run", StateMachineName = "m",
            ArnPrefix = "arn:aws:states:us-east-1:123456789012", ExecutionStartTime = DateTimeOffset.UnixEpoch, StateEnteredTime = DateTimeOffset.UnixEpoch,
            RedriveCount = MapRunOrchestrator.MaxRedrives + 1, RedriveDate = DateTimeOffset.UnixEpoch,
        };
        var input = new MapRunInput(PayloadVersion.Current, Definition("standard-output"), request);
        using CancellationTokenSource cts = new(Budget);
        string instanceId = MapRunInstanceIds.FromArn(arn, request.RedriveCount);

        await host.Client.StartAsync(OrchestratorNames.MapRun, instanceId, DurableJson.Serialize(input), cts.Token);
        var done = await host.Client.WaitForCompletionAsync(instanceId, cts.Token);

        var output = DurableJson.Deserialize<MapRunOutput>(done.OutputJson!);
        Assert.Equal(StatesErrorNames.Runtime, output.Error);
        Assert.Contains("1000 redrives", output.Cause, StringComparison.Ordinal);
        Assert.Equal("FAILED", output.Record.Status);
        Assert.Equal(MapRunOrchestrator.MaxRedrives + 1, output.Record.RedriveCount);
    }

    internal static string Definition(string name) =>
        File.ReadAllText(DurableFixtures.PathOf(Path.Combine("..", "map-runs", name + ".asl.json")));

    private static string Lines(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("{\"n\":").Append(i).Append("}\n");
        }

        return text.ToString();
    }

    private static async Task<ExecutionResult> RunInMemoryAsync(string name, string input, MemoryItemStore items)
    {
        var plan = ExecutionPlan.FromText(Definition(name), new Core.Engine.Lifecycle.JsonataLibraryEvaluator(), out var problem) ?? throw new InvalidOperationException(problem);
        var memoryHost = new InMemoryExecutionHost(TimeProvider.System, new TestTaskHandler(), new InMemoryHostOptions { ItemStore = items });
        return await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse(input), StateMachineName = name }, memoryHost);
    }

    private async Task<ExecutionResult> RunAsync(string definition, string input, int? chunkSize = null, int? chunksPerGeneration = null, int? maxPayloadBytes = null, string? name = null)
    {
        using CancellationTokenSource cts = new(Budget);
        return await DurableStateMachineRunner.RunOnAsync(
            host.Client,
            Definition(definition),
            JsonNode.Parse(input),
            new DurableRunOptions
            {
                StateMachineName = definition,
                ExecutionName = name,
                MapRunChunkSize = chunkSize,
                MapRunChunksPerGeneration = chunksPerGeneration,
                MaxPayloadBytes = maxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes,
            },
            cts.Token);
    }
}
