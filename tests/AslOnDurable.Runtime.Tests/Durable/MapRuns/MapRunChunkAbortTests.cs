using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Api;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Durable.MapRuns;

/// <summary>
/// A chunk of EXPRESS children whose map run has ended without it (it failed, or was terminated with its parent): AWS stops
/// the running children, so the chunk's activity stops waiting for them and records nothing, and the finish step leaves
/// out what an aborted chunk wrote before it saw the end.
/// </summary>
public sealed class MapRunChunkAbortTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 4, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly MemoryItemStore store = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ExpressChunk_MapRunEndsWhileAChildIsHeld_AnswersAbandonedAndRecordsNothing(bool terminated)
    {
        var (request, input) = await StageAsync(express: true);
        AbandonedWorkTests.HeldOrFailingHandler held = new();
        MapRunClient client = new(MapRunInstanceIds.FromArn(request.MapRunArn), terminated ? ExecutionRuntimeStatus.Terminated : ExecutionRuntimeStatus.Running, "FAILED");
        try
        {
            var answer = DurableJson.Deserialize<MapRunActivityResult>(
                await MapRunChunkActivity.RunAsync(store, held, new ExecutionPlanCache(), input, client).WaitAsync(Budget));

            Assert.False(held.Released, "the activity answered only once the held child's handler did");
            Assert.True(answer.Fatal);
            Assert.Equal(OpenWork.Reason, answer.Cause);
            Assert.Null(store.Text(MapRunStorage.Container, MapRunStorage.ResultsBlob(request, 0)));
            Assert.True(client.Asked > 0);
        }
        finally
        {
            held.Release();
        }
    }

    [Fact]
    public async Task ExpressChunk_MapRunStillRunning_RunsItsChildrenToTheEndAndRecordsThem()
    {
        var (request, input) = await StageAsync(express: true);
        AbandonedWorkTests.HeldOrFailingHandler held = new();
        MapRunClient client = new(MapRunInstanceIds.FromArn(request.MapRunArn), ExecutionRuntimeStatus.Running, "RUNNING");
        Task<string> running = MapRunChunkActivity.RunAsync(store, held, new ExecutionPlanCache(), input, client);
        using (CancellationTokenSource budget = new(Budget))
        {
            while (client.Asked == 0)
            {
                await Task.Delay(50, budget.Token); // the watch has looked and found the map run running
            }
        }

        held.Release();
        var answer = DurableJson.Deserialize<MapRunActivityResult>(await running.WaitAsync(Budget));

        Assert.Null(answer.Fatal);
        Assert.Equal(2, answer.Succeeded);
        Assert.NotNull(store.Text(MapRunStorage.Container, MapRunStorage.ResultsBlob(request, 0)));
    }

    [Fact]
    public async Task Finish_AnAbortedChunksPartWrittenLate_IsLeftOutOfTheManifest()
    {
        var (request, input) = await StageAsync(express: true, exports: true);
        MapRunChild[] children = [new("c0", JsonNode.Parse("""{"id":0}"""), "SUCCEEDED", JsonNode.Parse("1"), null, Start, Start)];
        await MapRunStorage.RecordAsync(store, request, 0, 1, MapRunChunks.Describe(request, children), CancellationToken.None);
        await MapRunStorage.RecordAsync(store, request, 1, 1, MapRunChunks.Describe(request, children), CancellationToken.None); // late
        var finish = DurableJson.Deserialize<MapRunActivityInput>(input) with { Chunk = 2, KeepWorkingData = true, AbortedChunks = [1], Slim = null };

        var answer = DurableJson.Deserialize<MapRunActivityResult>(await MapRunFinishActivity.RunAsync(store, DurableJson.Serialize(finish)));

        var manifest = JsonNode.Parse(store.Text("results", (string)answer.Output!["ResultWriterDetails"]!["Key"]!)!)!;
        Assert.Equal(
            [MapRunResultFiles.PartKey(request, "SUCCEEDED", 0)],
            manifest["ResultFiles"]!["SUCCEEDED"]!.AsArray().Select(f => (string)f!["Key"]!));
    }

    /// <summary>A first run's chunk 0 of two items whose EXPRESS children each call a Task (held by the test's handler).</summary>
    private async Task<(MapRunRequest Request, string Input)> StageAsync(bool express, bool exports = false)
    {
        const string id = "00000000-0000-0000-0000-0000000000a1";
        var request = new MapRunRequest
        {
            MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:m/items:" + id, MapRunId = id, Label = "items", StateName = "Process",
            ReaderResource = "arn:aws:states:::s3:getObject", ExecutionName = "run", StateMachineName = "m",
            ArnPrefix = "arn:aws:states:us-east-1:123456789012", ExecutionStartTime = Start, StateEnteredTime = Start, Express = express,
            Writer = exports ? new MapRunWriter(true, "results", "out", "JSON", "NONE") : null,
        };
        var full = new MapRunActivityInput(PayloadVersion.Current, DefinitionFiles.Read("api", "map-run-redrive"), request, 0, 100);
        await MapRunStorage.WriteRunAsync(store, full, CancellationToken.None);
        await MapRunStorage.WriteAsync(store, MapRunStorage.ItemsBlob(request, 0), JsonNode.Parse("""[{"id":0},{"id":1}]""")!, CancellationToken.None);
        return (request, DurableJson.Serialize(MapRunStorage.Slim(full)));
    }

    /// <summary>A task hub that knows one map run, in the given status with a record of the given status.</summary>
    private sealed class MapRunClient(string instanceId, ExecutionRuntimeStatus status, string recordStatus) : IExecutionClient
    {
        private int asked;

        public int Asked => Volatile.Read(ref asked);

        public Task<ExecutionSnapshot?> GetAsync(string instanceId1, CancellationToken cancellationToken)
        {
            Assert.Equal(instanceId, instanceId1);
            Interlocked.Increment(ref asked);
            MapRunCounts none = new(0, 0, 0, 0, 0, 0, 0, 0);
            return Task.FromResult<ExecutionSnapshot?>(new ExecutionSnapshot(instanceId, OrchestratorNames.MapRun, status, Start, Start)
            {
                CustomStatusJson = JsonValue.Create(DurableJson.Serialize(new MapRunRecord("arn", recordStatus, Start, none, none))).ToJsonString(),
            });
        }

        public Task StartAsync(string orchestratorName, string instanceId1, string? inputJson, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId1, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task TerminateAsync(string instanceId1, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId1, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
