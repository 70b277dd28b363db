using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

/// <summary>
/// <see cref="ExecutionRedrives.IsPendingRedrive"/>: a redrive recorded in the index whose generation the backend does not
/// show yet (the backend's generation was created before the redrive) is pending for
/// <see cref="ExecutionRedrives.PendingRedriveClaim"/> at most, and does not count in <c>redriveCount</c>.
/// </summary>
public sealed class PendingRedriveTests
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";
    private static readonly DateTimeOffset Failed = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly DateTimeOffset Created = Failed.AddMinutes(-1);

    private static readonly ExecutionRecord Execution = new(
        Prefix + "execution:m:e", Prefix + "stateMachine:m", "e", "m:e", "{}", Created,
        new StateMachineRecord(Prefix + "stateMachine:m", "m", "STANDARD", "{}", "arn:aws:iam::123456789012:role/R", Failed.AddHours(-1)));

    private static ExecutionOutcome Closed(DateTimeOffset stopped, DateTimeOffset? created) =>
        new("FAILED", stopped) { GenerationCreated = created };

    [Fact]
    public void IsPendingRedrive_NeverRedriven_No()
    {
        Assert.False(ExecutionRedrives.IsPendingRedrive(Execution, Closed(Failed, Created), Failed.AddSeconds(1)));
        Assert.Equal(0, ExecutionRedrives.StartedRedrives(Execution, Closed(Failed, Created)));
    }

    [Fact]
    public void IsPendingRedrive_BackendShowsAGenerationCreatedBeforeTheRedrive_YesUntilTheClaimLapses()
    {
        DateTimeOffset redriven = Failed.AddSeconds(10);
        ExecutionRecord execution = Execution with { RedriveCount = 1, RedriveDate = redriven };
        ExecutionOutcome earlier = Closed(Failed, Created);

        Assert.True(ExecutionRedrives.IsPendingRedrive(execution, earlier, redriven));
        Assert.True(ExecutionRedrives.IsPendingRedrive(execution, earlier, redriven + ExecutionRedrives.PendingRedriveClaim - TimeSpan.FromMilliseconds(1)));
        Assert.False(ExecutionRedrives.IsPendingRedrive(execution, earlier, redriven + ExecutionRedrives.PendingRedriveClaim));
        Assert.Equal(0, ExecutionRedrives.StartedRedrives(execution, earlier));
    }

    [Fact]
    public void IsPendingRedrive_EarlierGenerationStampedClosedAfterTheRedriveDate_StillPending()
    {
        // A stop the backend processes late: the earlier generation's closing is stamped after the recorded redrive.
        DateTimeOffset redriven = Failed;
        ExecutionRecord execution = Execution with { RedriveCount = 1, RedriveDate = redriven };
        ExecutionOutcome earlier = new("ABORTED", redriven.AddMilliseconds(1)) { GenerationCreated = Created };

        Assert.True(execution.IsBeforeLastRedrive(earlier));
        Assert.True(ExecutionRedrives.IsPendingRedrive(execution, earlier, redriven.AddMilliseconds(2)));
        Assert.Equal(0, ExecutionRedrives.StartedRedrives(execution, earlier));
    }

    [Fact]
    public void IsPendingRedrive_RedrivenGenerationClosedWithinAMillisecond_No()
    {
        // The new generation is created at or after the redrive date and may close at once.
        DateTimeOffset redriven = Failed;
        ExecutionRecord execution = Execution with { RedriveCount = 1, RedriveDate = redriven };
        ExecutionOutcome redrivenRun = new("SUCCEEDED", redriven) { GenerationCreated = redriven };

        Assert.False(execution.IsBeforeLastRedrive(redrivenRun));
        Assert.False(ExecutionRedrives.IsPendingRedrive(execution, redrivenRun, redriven.AddMilliseconds(1)));
        Assert.Equal(1, ExecutionRedrives.StartedRedrives(execution, redrivenRun));
    }

    [Fact]
    public void IsPendingRedrive_RunningGeneration_No() =>
        Assert.False(ExecutionRedrives.IsPendingRedrive(
            Execution with { RedriveCount = 1, RedriveDate = Failed }, ExecutionOutcome.Running with { GenerationCreated = Created }, Failed.AddSeconds(1)));

    [Fact]
    public void IsPendingRedrive_CreationUnknown_FallsBackToTheStopDate()
    {
        ExecutionRecord execution = Execution with { RedriveCount = 1, RedriveDate = Failed };

        Assert.True(ExecutionRedrives.IsPendingRedrive(execution, Closed(Failed, null), Failed.AddSeconds(1)));
        Assert.False(ExecutionRedrives.IsPendingRedrive(execution, Closed(Failed.AddMilliseconds(1), null), Failed.AddSeconds(1)));
    }

    [Fact]
    public void Claimed_AfterAClosing_OneMoreRedrivePendingWithTheClosingBefore()
    {
        ExecutionRecord redrivenOnce = Execution with { RedriveCount = 1, RedriveDate = Failed.AddSeconds(-30) };
        ExecutionOutcome closed = Closed(Failed, Failed.AddSeconds(-30)); // the redriven generation failed

        ExecutionRecord claimed = ExecutionRedrives.Claimed(redrivenOnce, closed, Failed.AddSeconds(10));

        Assert.Equal(2, claimed.RedriveCount);
        Assert.Equal(Failed.AddSeconds(10), claimed.RedriveDate);
        Assert.True(claimed.PendingRedrive);
        Assert.Null(claimed.KnownClosed());
        Assert.Equal(new ExecutionOutcome("FAILED", Failed), claimed.RedrivenFrom());
        Assert.Equal(ExecutionListing.PendingRedrive, ExecutionListing.Of(claimed).Status);
        Assert.Null(ExecutionListing.Of(claimed with { PendingRedrive = false }).RedrivenFrom);
    }

    [Fact]
    public void Listed_PendingRedrive_PendingWhileTheClaimHolds_ThenTheClosingBefore_NeitherCountingIt()
    {
        DateTimeOffset redriven = Failed.AddSeconds(10);
        ExecutionListing listing = ExecutionListing.Of(ExecutionRedrives.Claimed(Execution, Closed(Failed, Created), redriven));

        (ExecutionOutcome pending, int pendingCount) = ExecutionRedrives.Listed(listing, redriven + ExecutionRedrives.PendingRedriveClaim - TimeSpan.FromMilliseconds(1));
        (ExecutionOutcome lapsed, int lapsedCount) = ExecutionRedrives.Listed(listing, redriven + ExecutionRedrives.PendingRedriveClaim);

        Assert.Equal(new ExecutionOutcome("PENDING_REDRIVE", null), pending);
        Assert.Equal(0, pendingCount);
        Assert.Equal(new ExecutionOutcome("FAILED", Failed), lapsed);
        Assert.Equal(0, lapsedCount);
    }

    [Fact]
    public void Listed_StartedOrClosed_RunningOrTheClosing_CountingTheRedrive()
    {
        DateTimeOffset redriven = Failed.AddSeconds(10);
        ExecutionRecord started = ExecutionRedrives.Claimed(Execution, Closed(Failed, Created), redriven) with { PendingRedrive = false };
        ExecutionRecord closed = started with { Closed = new ExecutionOutcome("SUCCEEDED", redriven.AddSeconds(1)), ClosedAtRedriveCount = 1 };

        Assert.Equal((ExecutionOutcome.Running, 1), ExecutionRedrives.Listed(ExecutionListing.Of(started), redriven));
        Assert.Equal((new ExecutionOutcome("SUCCEEDED", redriven.AddSeconds(1)), 1), ExecutionRedrives.Listed(ExecutionListing.Of(closed), redriven));
        Assert.Equal((ExecutionOutcome.Running, 0), ExecutionRedrives.Listed(ExecutionListing.Of(Execution), redriven));
    }
}
