using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
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

    public ChildTerminationsTests() => terminations = new ChildTerminations(new ExecutionClosings(index, new ApiOptions()), clock);

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
        // A .sync child is named by its execution name only; a map run by its ARN.
        Assert.True(await terminations.TerminateAsync(client, "child-1", null, CancellationToken.None));
        Assert.True(await terminations.TerminateAsync(client, "arn:aws:states:us-east-1:123456789012:mapRun:m:Process:1", null, CancellationToken.None));

        Assert.Equal(["child-1", "arn:aws:states:us-east-1:123456789012:mapRun:m:Process:1"], client.Terminated);
        Assert.Empty(client.Looked);
    }

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

    private async Task<(string Status, DateTimeOffset? StopDate)?> ClosedAsync(string instanceId) =>
        (await index.GetAsync(new ApiOptions().ArnPrefix + ":execution:" + instanceId, CancellationToken.None))!.KnownClosed() is { } closed
            ? (closed.Status, closed.StopDate)
            : null;

    /// <summary>The backend's instances as set by the test; records the looks and terminations asked for.</summary>
    private sealed class FakeClient : IExecutionClient
    {
        private readonly Dictionary<string, ExecutionSnapshot> instances = [];

        public List<string> Looked { get; } = [];

        public List<string> Terminated { get; } = [];

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

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
