using System.Globalization;
using System.Text;
using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.MapRuns;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Storage;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Runtime.Tests.Api.MapRuns;

/// <summary>
/// The host's sweep of map runs' working blobs: a map run's folder goes 14 days after its latest run closed (or at once
/// once it succeeded), never while a redrive runs or within the redrive period; folders of map runs the task hub does not
/// know stay. Runs on the local folder store and on Blob Storage (Azurite), with a fake clock.
/// </summary>
public abstract class MapRunWorkingDataSweepTests
{
    private readonly string container = "sweep" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..16];
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly FakeClient client = new();

    /// <summary>The store under test.</summary>
    protected abstract IItemStore Store { get; }

    [Fact]
    public async Task SweepAsync_DeletesOnlyMapRunsWhoseLatestRunClosedAtLeast14DaysAgoOrSucceeded()
    {
        var now = time.GetUtcNow();
        var old = await MapRunAsync("old", client.Closed(now.AddDays(-15), ExecutionRuntimeStatus.Failed));
        var recent = await MapRunAsync("recent", client.Closed(now.AddDays(-13), ExecutionRuntimeStatus.Terminated));
        var redriven = await MapRunAsync("redriven", client.Closed(now.AddDays(-20), ExecutionRuntimeStatus.Failed), client.Closed(now.AddDays(-3), ExecutionRuntimeStatus.Completed, "FAILED"));
        var redriving = await MapRunAsync("redriving", client.Closed(now.AddDays(-30), ExecutionRuntimeStatus.Failed), client.Running());
        var succeeded = await MapRunAsync("succeeded", client.Closed(now.AddHours(-1), ExecutionRuntimeStatus.Completed, "SUCCEEDED"));
        var unknown = await MapRunAsync("unknown");
        var sweep = new MapRunWorkingDataSweep(Store, client, time, container);

        var deleted = await sweep.SweepAsync(CancellationToken.None);

        Assert.Equal(new[] { old, succeeded }.Order(StringComparer.Ordinal), deleted);
        Assert.Empty(await NamesAsync(old));
        Assert.Empty(await NamesAsync(succeeded));
        foreach (var kept in new[] { recent, redriven, redriving, unknown })
        {
            Assert.Equal([kept + "/items/0.json", kept + "/run.json"], await NamesAsync(kept));
        }

        time.Advance(TimeSpan.FromDays(1)); // "recent" closed 14 days ago now
        Assert.Equal([recent], await sweep.SweepAsync(CancellationToken.None));
        Assert.Empty(await sweep.SweepAsync(CancellationToken.None));
    }

    [Fact]
    public async Task SweepAsync_FolderWithoutRunRecord_GoesOnceItsNewestBlobIs14DaysOld()
    {
        var id = Guid.NewGuid().ToString();
        await Store.WriteAsync(container, id + "/items/0.json", "[1]"u8.ToArray(), CancellationToken.None);
        var sweep = new MapRunWorkingDataSweep(Store, client, time, container);

        Assert.Empty(await sweep.SweepAsync(CancellationToken.None)); // staging may be under way
        time.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        Assert.Equal([id], await sweep.SweepAsync(CancellationToken.None));
        Assert.Empty(await NamesAsync(id));
    }

    [Fact]
    public async Task RunAsync_SweepsEveryInterval_UntilCancelled()
    {
        var old = await MapRunAsync("periodic", client.Closed(time.GetUtcNow().AddDays(-15), ExecutionRuntimeStatus.Failed));
        var sweep = new MapRunWorkingDataSweep(Store, client, time, container);
        using var stop = new CancellationTokenSource();
        var failures = new List<Exception>();

        var running = sweep.RunAsync(TimeSpan.FromHours(1), failures.Add, stop.Token);
        Assert.NotEmpty(await NamesAsync(old)); // the first sweep waits one interval
        time.Advance(TimeSpan.FromHours(1));
        await WaitUntilAsync(async () => (await NamesAsync(old)).Count == 0);
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(failures);
    }

    /// <summary>Writes a map run's working blobs (run record and one item chunk); its runs' instances are <paramref name="runs"/>, in order.</summary>
    private async Task<string> MapRunAsync(string label, params ExecutionSnapshot?[] runs)
    {
        var id = Guid.NewGuid().ToString();
        var arn = "arn:aws:states:us-east-1:123456789012:mapRun:m/" + label + ":" + id;
        var request = new MapRunRequest
        {
            MapRunArn = arn, MapRunId = id, Label = label, StateName = "Process", ReaderResource = "arn:aws:states:::s3:getObject",
            ExecutionName = "run", StateMachineName = "m", ArnPrefix = "arn:aws:states:us-east-1:123456789012",
            ExecutionStartTime = time.GetUtcNow(), StateEnteredTime = time.GetUtcNow(),
        };
        var run = DurableJson.Serialize(new MapRunActivityInput(PayloadVersion.Current, "{}", request, 0, 100));
        await Store.WriteAsync(container, id + "/run.json", Encoding.UTF8.GetBytes(run), CancellationToken.None);
        await Store.WriteAsync(container, id + "/items/0.json", "[1,2]"u8.ToArray(), CancellationToken.None);
        for (var n = 0; n < runs.Length; n++)
        {
            if (runs[n] is { } snapshot)
            {
                client.Instances[n == 0 ? MapRunInstanceIds.FromArn(arn) : MapRunInstanceIds.FromArn(arn, n)] = snapshot;
            }
        }

        return id;
    }

    private async Task<List<string>> NamesAsync(string id)
    {
        var names = new List<string>();
        await foreach (var blob in Store.ListAsync(container, id + "/", CancellationToken.None))
        {
            names.Add(blob.Key);
        }

        return names;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var until = DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1);
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < until, "the periodic sweep did not run");
            await Task.Delay(20);
        }
    }

    /// <summary>Map-run instances by id; the sweep only reads them.</summary>
    private sealed class FakeClient : IExecutionClient
    {
        public Dictionary<string, ExecutionSnapshot> Instances { get; } = new(StringComparer.Ordinal);

        public ExecutionSnapshot Closed(DateTimeOffset at, ExecutionRuntimeStatus status, string? recordStatus = null) =>
            new("i", OrchestratorNames.MapRun, status, at.AddHours(-1), at)
            {
                OutputJson = recordStatus is null ? null : DurableJson.Serialize(new MapRunOutput(
                    PayloadVersion.Current, new MapRunRecord("arn", recordStatus, at, new MapRunCounts(0, 0, 0, 0, 0, 0, 0, 0), new MapRunCounts(0, 0, 0, 0, 0, 0, 0, 0)))),
            };

        public ExecutionSnapshot Running() => new("i", OrchestratorNames.MapRun, ExecutionRuntimeStatus.Running, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);

        public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken) =>
            Task.FromResult(Instances.GetValueOrDefault(instanceId));

        public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}

/// <summary>The sweep over a local folder (containers as sub-folders).</summary>
public sealed class FolderMapRunWorkingDataSweepTests : MapRunWorkingDataSweepTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("asl-sweep-").FullName;

    /// <inheritdoc/>
    protected override IItemStore Store => new FolderItemStore(root);

    public void Dispose() => Directory.Delete(root, recursive: true);
}

/// <summary>The sweep over Blob Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzureMapRunWorkingDataSweepTests(AzuriteFixture azurite) : MapRunWorkingDataSweepTests
{
    private readonly AzureBlobItemStore store = azurite.ConnectionString.Length > 0
        ? new AzureBlobItemStore(azurite.ConnectionString)
        : throw new InvalidOperationException(AzuriteLocator.InstallHint);

    /// <inheritdoc/>
    protected override IItemStore Store => store;
}
