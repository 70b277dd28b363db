using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Registry;

/// <summary>How the history stores' closings find the execution of a durable instance id.</summary>
public sealed class ExecutionClosingsTests
{
    private readonly ExecutionClosings closings = new(new InMemoryExecutionIndex(), new ApiOptions { Region = "eu-west-1", AccountId = "111122223333" });

    [Theory]
    [InlineData("m:run-1", "arn:aws:states:eu-west-1:111122223333:execution:m:run-1")]
    [InlineData("arn:aws:states:eu-west-1:111122223333:execution:m:label:child-1", "arn:aws:states:eu-west-1:111122223333:execution:m/label:child-1")]
    [InlineData("no-colon", null)]
    [InlineData("a:b:c", null)]
    public void ArnOf_InstanceId_TheExecutionArnOfItsForm(string instanceId, string? arn) => Assert.Equal(arn, closings.ArnOf(instanceId));

    [Theory]
    [InlineData("ExecutionSucceeded", "SUCCEEDED")]
    [InlineData("ExecutionFailed", "FAILED")]
    [InlineData("ExecutionTimedOut", "TIMED_OUT")]
    [InlineData("ExecutionAborted", "ABORTED")]
    [InlineData("ExecutionRedriven", null)]
    [InlineData("TaskStateExited", null)]
    public void StatusOf_EventType_ClosingStatusOrNull(string type, string? status) => Assert.Equal(status, ExecutionClosings.StatusOf(type));

    [Fact]
    public async Task RecordAsync_UnknownInstanceOrExpress_NotKept()
    {
        InMemoryExecutionIndex index = new();
        ExecutionClosings kept = new(index, new ApiOptions());
        string prefix = new ApiOptions().ArnPrefix;
        StateMachineRecord express = new(prefix + ":stateMachine:x", "x", "EXPRESS", "{}", "r", DateTimeOffset.UnixEpoch);
        await index.GetOrAddAsync(new ExecutionRecord(prefix + ":execution:x:e", express.Arn, "e", "x:e", "{}", DateTimeOffset.UnixEpoch, express), CancellationToken.None);

        Assert.False(await kept.RecordAsync("x:e", "SUCCEEDED", DateTimeOffset.UnixEpoch.AddSeconds(1), CancellationToken.None));
        Assert.False(await kept.RecordAsync("x:none", "SUCCEEDED", DateTimeOffset.UnixEpoch.AddSeconds(1), CancellationToken.None));
        Assert.Null((await index.GetAsync(prefix + ":execution:x:e", CancellationToken.None))!.Closed);
    }

    [Fact]
    public async Task RecordAsync_TerminationOfTheGenerationBeforeARedrive_NotKeptEvenWhenStampedAfterIt()
    {
        InMemoryExecutionIndex index = new();
        ExecutionClosings kept = new(index, new ApiOptions());
        string prefix = new ApiOptions().ArnPrefix;
        DateTimeOffset started = DateTimeOffset.UnixEpoch.AddDays(1);
        DateTimeOffset redriven = started.AddMinutes(1);
        StateMachineRecord machine = new(prefix + ":stateMachine:s", "s", "STANDARD", "{}", "r", DateTimeOffset.UnixEpoch);
        await index.GetOrAddAsync(
            new ExecutionRecord(prefix + ":execution:s:e", machine.Arn, "e", "s:e", "{}", started, machine) { RedriveCount = 1, RedriveDate = redriven },
            CancellationToken.None);

        // The earlier generation's termination, applied 1 ms after the redrive was recorded: not the redriven run's closing.
        Assert.False(await kept.RecordAsync("s:e", "ABORTED", redriven.AddMilliseconds(1), CancellationToken.None, generationCreated: started));
        Assert.Null((await index.GetAsync(prefix + ":execution:s:e", CancellationToken.None))!.KnownClosed());

        // The redriven generation's own termination is kept.
        Assert.True(await kept.RecordAsync("s:e", "ABORTED", redriven.AddMilliseconds(2), CancellationToken.None, generationCreated: redriven));
        Assert.Equal("ABORTED", (await index.GetAsync(prefix + ":execution:s:e", CancellationToken.None))!.KnownClosed()?.Status);
    }
}
