using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities.MapRuns;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Tests.Durable;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Durable.MapRuns;

/// <summary>A redriven STANDARD chunk: unsuccessful children redriven through the seam, waited for, merged with the kept ones.</summary>
public sealed class MapRunRedriveChunkActivityTests
{
    private static readonly DateTimeOffset Redrive = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly MemoryItemStore store = new();
    private readonly FakeRedrives redrives = new();

    [Fact]
    public async Task StandardChunk_RedrivenChildStillRunning_Pending_ThenMerged_UnredrivableOneCounted()
    {
        var (request, input) = await StageAsync();
        string first = Arn(request, 1), second = Arn(request, 2);
        redrives.Refused.Add(second);

        var pending = await RunAsync(input);
        redrives.Closed[first] = new MapRunChild("c1", JsonNode.Parse("""{"id":1}"""), "SUCCEEDED", JsonNode.Parse("""{"id":1,"done":true}"""), null, Redrive, Redrive);
        var done = await RunAsync(input);

        Assert.True(pending.Pending);
        Assert.Null(pending.Succeeded);
        Assert.Equal(2, pending.RedrivenChildren); // restarted (or refused): they no longer wait for the redrive
        Assert.Equal(2, pending.RedrivenItems);
        Assert.Null(done.Pending);
        Assert.Equal(2, done.Succeeded);
        Assert.Equal(1, done.Failed);
        Assert.Equal(1, done.NotRedrivable);
        Assert.Equal(1, done.NotRedrivableItems);
        Assert.Equal(2, done.RedrivenChildren);
        Assert.Equal([first, second, first, second], redrives.Asked);
        var recorded = JsonNode.Parse(store.Text(MapRunStorage.Container, MapRunStorage.ResultsBlob(request, 0))!)!;
        Assert.Equal(["SUCCEEDED", "SUCCEEDED", "FAILED"], recorded["Entries"]!.AsArray().Select(e => (string)e!["Status"]!));
        JsonAssert.Equal("""[{"id":0,"done":true},{"id":1,"done":true},null]""", recorded["Outputs"]);
    }

    [Fact]
    public async Task StandardChunk_ItemBatcher_UnredrivableBatchCountsItsItems_RedrivenCountsItemsAndChildren()
    {
        var (request, input) = await StageAsync(batches: true);
        string second = Arn(request, 2);
        redrives.Refused.Add(second);
        redrives.Closed[Arn(request, 1)] = new MapRunChild("c1", JsonNode.Parse("""{"Items":[{"id":2},{"id":3}]}"""), "SUCCEEDED", JsonNode.Parse("[]"), null, Redrive, Redrive);

        var done = await RunAsync(input);

        Assert.Null(done.Pending);
        Assert.Equal(2, done.Succeeded);
        Assert.Equal(1, done.Failed);
        Assert.Equal(3, done.FailedItems);
        Assert.Equal(1, done.NotRedrivable);
        Assert.Equal(3, done.NotRedrivableItems); // itemCounts' failuresNotRedrivable: the refused batch's items
        Assert.Equal(2, done.RedrivenChildren);
        Assert.Equal(5, done.RedrivenItems);
    }

    [Fact]
    public async Task AbortedChunk_RecordedThenRedriven_AbortedChildRedrivenInPlace_NeverStartedOneStartedUnderItsName_SucceededKept()
    {
        var (request, input) = await StageAsync();
        var first = request with { RedriveCount = 0, RedriveDate = null };
        string neverStarted = MapRunChildNames.Of(request.MapRunArn, 0, 0, 2);
        var record = DurableJson.Deserialize<MapRunActivityResult>(await MapRunRecordChunkActivity.RunAsync(store, DurableJson.Serialize(
            new MapRunActivityInput(PayloadVersion.Current, string.Empty, first, 0, 100)
            {
                Slim = true,
                AbortedChildren =
                [
                    new("c0", JsonNode.Parse("""{"id":0}"""), "SUCCEEDED", JsonNode.Parse("""{"id":0,"done":true}"""), null, Redrive, Redrive),
                    new("c1", JsonNode.Parse("""{"id":1}"""), "ABORTED", null, null, Redrive, Redrive),
                    null,
                ],
            })));
        Assert.Null(record.Error);
        var kept = JsonNode.Parse(store.Text(MapRunStorage.Container, MapRunStorage.ResultsBlob(request, 0))!)!;
        Assert.Equal(["SUCCEEDED", "ABORTED", MapRunChunks.PendingStatus], kept["Entries"]!.AsArray().Select(e => (string)e!["Status"]!));
        string pendingArn = MapRunChunks.ChildExecutionArn(request, neverStarted);
        redrives.Closed[Arn(request, 1)] = new MapRunChild("c1", JsonNode.Parse("""{"id":1}"""), "SUCCEEDED", JsonNode.Parse("""{"id":1,"done":true}"""), null, Redrive, Redrive);
        redrives.Closed[pendingArn] = new MapRunChild(neverStarted, JsonNode.Parse("""{"id":2}"""), "SUCCEEDED", JsonNode.Parse("""{"id":2,"done":true}"""), null, Redrive, Redrive);

        var done = await RunAsync(input);

        Assert.Equal(3, done.Succeeded);
        Assert.Equal(0, done.Failed);
        Assert.Equal([Arn(request, 1)], redrives.Asked); // only the aborted child is redriven, in place
        var (started, payload) = Assert.Single(redrives.Started);
        Assert.Equal(pendingArn, started.ExecutionArn);
        Assert.Equal(neverStarted, started.Name);
        Assert.Equal(MapRunInstanceIds.FromArn(pendingArn), started.InstanceId);
        JsonAssert.Equal("""{"id":2}""", JsonNode.Parse(started.InputJson));
        StateMachineInput start = DurableJson.Deserialize<StateMachineInput>(payload);
        Assert.Equal(neverStarted, start.ExecutionName);
        Assert.Equal(request.MapRunArn, start.MapRunArn);
        var merged = JsonNode.Parse(store.Text(MapRunStorage.Container, MapRunStorage.ResultsBlob(request, 0))!)!;
        JsonAssert.Equal("""[{"id":0,"done":true},{"id":1,"done":true},{"id":2,"done":true}]""", merged["Outputs"]);
    }

    [Fact]
    public async Task RedriveStage_CountsTheUnsuccessfulChildrenAndItemsTheChunkResultsKept()
    {
        var (request, _) = await StageAsync(batches: true);

        var staged = DurableJson.Deserialize<MapRunActivityResult>(await MapRunRedriveStageActivity.RunAsync(
            store, DurableJson.Serialize(new MapRunActivityInput(PayloadVersion.Current, string.Empty, request, 0, 100))));

        Assert.Equal(1, staged.ChunkCount);
        Assert.Equal(2, staged.PendingRedriveChildren);
        Assert.Equal(5, staged.PendingRedriveItems);
    }

    [Fact]
    public async Task StandardChunk_HostCannotRedriveChildren_RunsWhole()
    {
        var (_, input) = await StageAsync();

        var result = DurableJson.Deserialize<MapRunActivityResult>(
            await MapRunRedriveChunkActivity.RunAsync(store, new TestTaskHandler(), new ExecutionPlanCache(), input));

        Assert.True(result.RunWhole);
        Assert.Empty(redrives.Asked);
    }

    private async Task<MapRunActivityResult> RunAsync(string input) =>
        DurableJson.Deserialize<MapRunActivityResult>(await MapRunRedriveChunkActivity.RunAsync(store, new TestTaskHandler(), new ExecutionPlanCache(), input, redrives));

    private static string Arn(MapRunRequest request, int position) => MapRunChunks.ChildExecutionArn(request, "c" + position);

    /// <summary>
    /// A first run of one chunk of three STANDARD children: the first succeeded, the others failed (with
    /// <paramref name="batches"/>: batches of 1, 2 and 3 items under an ItemBatcher).
    /// </summary>
    private async Task<(MapRunRequest Request, string Input)> StageAsync(bool batches = false)
    {
        const string id = "00000000-0000-0000-0000-0000000000c1";
        var request = new MapRunRequest
        {
            MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:m/items:" + id, MapRunId = id, Label = "items", StateName = "Process",
            ReaderResource = "arn:aws:states:::s3:getObject", ExecutionName = "run", StateMachineName = "m",
            ArnPrefix = "arn:aws:states:us-east-1:123456789012", ExecutionStartTime = Redrive, StateEnteredTime = Redrive,
            RedriveCount = 1, RedriveDate = Redrive,
            Batcher = batches ? new MapRunBatcher(3, 0, null) : null,
        };
        var definition = DefinitionFiles.Read("api", "map-run-redrive").Replace("\"EXPRESS\"", "\"STANDARD\"", StringComparison.Ordinal);
        var full = new MapRunActivityInput(PayloadVersion.Current, definition, request, 0, 100);
        await MapRunStorage.WriteRunAsync(store, full, CancellationToken.None);
        JsonNode?[] items = batches
            ? [JsonNode.Parse("""{"Items":[{"id":0}]}"""), JsonNode.Parse("""{"Items":[{"id":1},{"id":2}]}"""), JsonNode.Parse("""{"Items":[{"id":3},{"id":4},{"id":5}]}""")]
            : [.. Enumerable.Range(0, 3).Select(i => JsonNode.Parse($$"""{"id":{{i}}}"""))];
        await MapRunStorage.WriteAsync(store, MapRunStorage.ItemsBlob(request, 0), new JsonArray([.. items.Select(i => i?.DeepClone())]), CancellationToken.None);
        MapRunChild[] children =
        [
            new("c0", items[0], "SUCCEEDED", JsonNode.Parse("""{"id":0,"done":true}"""), null, Redrive, Redrive),
            new("c1", items[1], "FAILED", null, new AslError("Item.Failed", "no"), Redrive, Redrive),
            new("c2", items[2], "FAILED", null, new AslError("Item.Failed", "no"), Redrive, Redrive),
        ];
        await MapRunStorage.RecordAsync(store, request with { RedriveCount = 0, RedriveDate = null }, 0, 3, MapRunChunks.Describe(request, children), CancellationToken.None);
        return (request, DurableJson.Serialize(MapRunStorage.Slim(full)));
    }

    private sealed class FakeRedrives : IMapRunChildRedrives
    {
        public List<string> Asked { get; } = [];

        public HashSet<string> Refused { get; } = [];

        public Dictionary<string, MapRunChild> Closed { get; } = [];

        public Task<string?> RedriveAsync(string executionArn, DateTimeOffset redriveDate, CancellationToken cancellationToken)
        {
            Assert.Equal(Redrive, redriveDate);
            Asked.Add(executionArn);
            return Task.FromResult(Refused.Contains(executionArn) ? "not redrivable" : null);
        }

        public List<(MapRunChildStart Child, string Payload)> Started { get; } = [];

        public Task StartAsync(MapRunChildStart child, string payload, CancellationToken cancellationToken)
        {
            Started.Add((child, payload));
            return Task.CompletedTask;
        }

        public Task<MapRunChild?> OutcomeAsync(string executionArn, DateTimeOffset redriveDate, TimeSpan wait, CancellationToken cancellationToken) =>
            Task.FromResult(Closed.GetValueOrDefault(executionArn));
    }
}
