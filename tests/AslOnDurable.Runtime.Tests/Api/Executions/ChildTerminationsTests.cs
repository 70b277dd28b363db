using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

/// <summary>
/// How a host that terminates children itself (the Functions app) records them in the execution index: ABORTED when it
/// terminates them or finds them terminated; a child that ended on its own, or a later generation, is left as it is.
/// </summary>
public sealed class ChildTerminationsTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Started.AddMinutes(10));
    private readonly InMemoryExecutionIndex index = new();
    private readonly FakeClient client = new();
    private readonly ChildTerminations terminations;

    private const string MapRunArn = "arn:aws:states:us-east-1:123456789012:mapRun:m/Process:11111111-1111-1111-1111-111111111111";

    public ChildTerminationsTests() =>
        terminations = new ChildTerminations(new ExecutionClosings(index, new ApiOptions()), index, new ResourceArns(new ApiOptions()), clock);

    [Fact]
    public async Task TerminateAsync_OpenChild_TerminatedAndRecordedAbortedWhenRequested()
    {
        await RecordAsync("m:open");
        client.Backend("m:open", ExecutionRuntimeStatus.Running);

        Assert.True(await terminations.TerminateAsync(client, "m:open", "why", CancellationToken.None));

        Assert.Equal(["m:open"], client.Terminated);
        Assert.Equal(("ABORTED", clock.GetUtcNow()), await ClosedAsync("m:open"));
    }

    [Fact]
    public async Task TerminateAsync_AlreadyTerminated_RecordedAtTheBackendsStopTime_NotTerminatedAgain()
    {
        await RecordAsync("m:gone");
        client.Backend("m:gone", ExecutionRuntimeStatus.Terminated, Started.AddMinutes(3));

        Assert.False(await terminations.TerminateAsync(client, "m:gone", null, CancellationToken.None));

        Assert.Empty(client.Terminated);
        Assert.Equal(("ABORTED", Started.AddMinutes(3)), await ClosedAsync("m:gone"));
    }

    [Fact]
    public async Task TerminateAsync_EndedOnItsOwn_KeepsItsStatus()
    {
        await RecordAsync("m:known");
        await RecordAsync("m:unknown");
        await new ExecutionClosings(index, new ApiOptions()).RecordAsync("m:known", "SUCCEEDED", Started.AddMinutes(1), CancellationToken.None);
        client.Backend("m:known", ExecutionRuntimeStatus.Completed, Started.AddMinutes(1));
        client.Backend("m:unknown", ExecutionRuntimeStatus.Failed, Started.AddMinutes(2)); // its closing event not in the index yet

        Assert.False(await terminations.TerminateAsync(client, "m:known", null, CancellationToken.None));
        Assert.False(await terminations.TerminateAsync(client, "m:unknown", null, CancellationToken.None));

        Assert.Empty(client.Terminated);
        Assert.Equal(("SUCCEEDED", Started.AddMinutes(1)), await ClosedAsync("m:known"));
        Assert.Null(await ClosedAsync("m:unknown"));
    }

    [Fact]
    public async Task TerminateAsync_GenerationBeforeTheLastRedrive_TheRedrivenOneIsNotMarked()
    {
        DateTimeOffset redriven = Started.AddMinutes(5);
        await RecordAsync("m:redriven", redriven);
        await RecordAsync("m:again", redriven);
        client.Backend("m:redriven", ExecutionRuntimeStatus.Terminated, redriven.AddSeconds(1), created: Started); // terminated late, after the redrive was recorded
        client.Backend("m:again", ExecutionRuntimeStatus.Running, created: redriven.AddSeconds(1)); // the redriven generation runs

        Assert.False(await terminations.TerminateAsync(client, "m:redriven", null, CancellationToken.None));
        Assert.True(await terminations.TerminateAsync(client, "m:again", null, CancellationToken.None));

        Assert.Null(await ClosedAsync("m:redriven"));
        Assert.Equal(("ABORTED", clock.GetUtcNow()), await ClosedAsync("m:again"));
    }

    [Fact]
    public async Task TerminateAsync_DecidedOrNotYetKnownToTheBackend_TerminatedNotRecorded()
    {
        await RecordAsync("m:decided");
        await RecordAsync("m:pending");
        client.Backend("m:decided", ExecutionRuntimeStatus.Running, customStatus: "\"" + StateMachineOrchestrator.FinishedStatus + "\"");

        Assert.True(await terminations.TerminateAsync(client, "m:decided", null, CancellationToken.None));
        Assert.True(await terminations.TerminateAsync(client, "m:pending", null, CancellationToken.None));

        Assert.Equal(["m:decided", "m:pending"], client.Terminated);
        Assert.Null(await ClosedAsync("m:decided")); // its closing event records the status it decided
        Assert.Null(await ClosedAsync("m:pending"));
    }

    [Fact]
    public async Task TerminateAsync_NotAnExecutionOfTheIndex_TerminatedWithoutALook()
    {
        // A .sync child is named by its execution name only.
        Assert.True(await terminations.TerminateAsync(client, "child-1", null, CancellationToken.None));

        Assert.Equal(["child-1"], client.Terminated);
        Assert.Empty(client.Looked);
    }

    [Fact]
    public async Task TerminateAsync_OpenMapRun_TerminatedAndWaitedFor_ThenItsChildrenRecorded()
    {
        string mapRun = MapRunInstanceIds.FromArn(MapRunArn);
        client.Backend(mapRun, ExecutionRuntimeStatus.Running);
        string stopped = await RecordChildAsync("stopped"); // a first-run child: the recursive terminate stopped it
        string redriven = await RecordChildAsync("redriven"); // redriven in place: an instance of its own, still running
        string succeeded = await RecordChildAsync("succeeded");
        await new ExecutionClosings(index, new ApiOptions()).RecordAsync(succeeded, "SUCCEEDED", Started.AddMinutes(1), CancellationToken.None);
        client.Backend(stopped, ExecutionRuntimeStatus.Terminated, Started.AddMinutes(9));
        client.Backend(redriven, ExecutionRuntimeStatus.Running);

        Assert.True(await terminations.TerminateAsync(client, mapRun, "why", CancellationToken.None));

        Assert.Equal([mapRun, redriven], client.Terminated);
        Assert.Equal([mapRun], client.Waited); // before its children were looked at
        Assert.DoesNotContain(succeeded, client.Looked); // known closed: no look
        Assert.Equal(("ABORTED", Started.AddMinutes(9)), await ClosedAsync(stopped));
        Assert.Equal(("ABORTED", clock.GetUtcNow()), await ClosedAsync(redriven));
        Assert.Equal(("SUCCEEDED", Started.AddMinutes(1)), await ClosedAsync(succeeded));
    }

    [Fact]
    public async Task TerminateAsync_MapRunAlreadyTerminated_ItsChildrenRecorded_OneEndedOnItsOwnLeftAlone()
    {
        string mapRun = MapRunInstanceIds.FromArn(MapRunArn, 1); // its first redrive's run
        client.Backend(mapRun, ExecutionRuntimeStatus.Terminated, Started.AddMinutes(8));
        string stopped = await RecordChildAsync("stopped");
        client.Backend(stopped, ExecutionRuntimeStatus.Terminated, Started.AddMinutes(8));

        Assert.False(await terminations.TerminateAsync(client, mapRun, null, CancellationToken.None));

        Assert.Empty(client.Terminated);
        Assert.Empty(client.Waited);
        Assert.Equal(("ABORTED", Started.AddMinutes(8)), await ClosedAsync(stopped));
    }

    [Fact]
    public async Task TerminateAsync_MapRunEndedOnItsOwn_LeftAsItIs()
    {
        string mapRun = MapRunInstanceIds.FromArn(MapRunArn);
        client.Backend(mapRun, ExecutionRuntimeStatus.Completed, Started.AddMinutes(8));
        string running = await RecordChildAsync("running");
        client.Backend(running, ExecutionRuntimeStatus.Running);

        Assert.False(await terminations.TerminateAsync(client, mapRun, null, CancellationToken.None));

        Assert.Empty(client.Terminated);
        Assert.Equal([mapRun], client.Looked);
        Assert.Null(await ClosedAsync(running));
    }

    [Theory]
    [InlineData("arn:aws:states:us-east-1:123456789012:mapRun:m:Process:id-1", "arn:aws:states:us-east-1:123456789012:mapRun:m/Process:id-1")]
    [InlineData("arn:aws:states:us-east-1:123456789012:mapRun:m:Process:id-1:redrive-2", "arn:aws:states:us-east-1:123456789012:mapRun:m/Process:id-1")]
    [InlineData("arn:aws:states:us-east-1:123456789012:execution:m:Process:child", null)]
    [InlineData("arn:aws:states:us-east-1:123456789012:mapRun:m:Process:id-1:other", null)]
    [InlineData("m:e1", null)]
    public void MapRunArnOf_InstanceId_TheMapRunItRuns(string instanceId, string? arn) => Assert.Equal(arn, MapRunInstanceIds.MapRunArnOf(instanceId));

    private async Task RecordAsync(string instanceId, DateTimeOffset? redriven = null)
    {
        string prefix = new ApiOptions().ArnPrefix;
        StateMachineRecord machine = new(prefix + ":stateMachine:m", "m", "STANDARD", "{}", "r", Started);
        string name = instanceId[(instanceId.IndexOf(':', StringComparison.Ordinal) + 1)..];
        await index.GetOrAddAsync(
            new ExecutionRecord(prefix + ":execution:" + instanceId, machine.Arn, name, instanceId, "{}", Started, machine)
            {
                RedriveCount = redriven is null ? 0 : 1, RedriveDate = redriven,
            },
            CancellationToken.None);
    }

    /// <summary>Records a STANDARD child of <see cref="MapRunArn"/>, as the map-run activity does; returns its instance id.</summary>
    private async Task<string> RecordChildAsync(string name)
    {
        string arn = new ApiOptions().ArnPrefix + ":execution:m/Process:" + name;
        await MapRunDirectory.RegisterAsync(
            index, new MapRunChildStart(MapRunArn, arn, name, MapRunInstanceIds.FromArn(arn), "m/Process", "{}", "{}", Started), CancellationToken.None);
        return MapRunInstanceIds.FromArn(arn);
    }

    private async Task<(string Status, DateTimeOffset? StopDate)?> ClosedAsync(string instanceId) =>
        (await index.GetAsync(new ExecutionClosings(index, new ApiOptions()).ArnOf(instanceId)!, CancellationToken.None))!.KnownClosed() is { } closed
            ? (closed.Status, closed.StopDate)
            : null;

    /// <summary>The backend's instances as set by the test; records the looks and terminations asked for.</summary>
    private sealed class FakeClient : IExecutionClient
    {
        private readonly Dictionary<string, ExecutionSnapshot> instances = [];

        public List<string> Looked { get; } = [];

        public List<string> Terminated { get; } = [];

        public List<string> Waited { get; } = [];

        public void Backend(string instanceId, ExecutionRuntimeStatus status, DateTimeOffset? updated = null, DateTimeOffset? created = null, string? customStatus = null) =>
            instances[instanceId] = new ExecutionSnapshot(instanceId, OrchestratorNames.StateMachine, status, created ?? Started, updated ?? Started) { CustomStatusJson = customStatus };

        public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
        {
            Looked.Add(instanceId);
            return Task.FromResult(instances.GetValueOrDefault(instanceId));
        }

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken)
        {
            Terminated.Add(instanceId);
            return Task.CompletedTask;
        }

        public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
        {
            Waited.Add(instanceId);
            return Task.FromResult(instances[instanceId] with { Status = ExecutionRuntimeStatus.Terminated });
        }

        public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
