using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Tests.Api.Executions;

/// <summary>
/// <see cref="ExecutionRedrives.IsPendingRedrive"/>: a redrive recorded in the index whose generation the backend does not
/// show yet keeps other redrives away, for <see cref="ExecutionRedrives.PendingRedriveClaim"/> at most.
/// </summary>
public sealed class PendingRedriveTests
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012:";
    private static readonly DateTimeOffset Failed = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static readonly ExecutionRecord Execution = new(
        Prefix + "execution:m:e", Prefix + "stateMachine:m", "e", "m:e", "{}", Failed.AddMinutes(-1),
        new StateMachineRecord(Prefix + "stateMachine:m", "m", "STANDARD", "{}", "arn:aws:iam::123456789012:role/R", Failed.AddHours(-1)));

    [Fact]
    public void IsPendingRedrive_NeverRedriven_No() =>
        Assert.False(ExecutionRedrives.IsPendingRedrive(Execution, Failed, Failed.AddSeconds(1)));

    [Fact]
    public void IsPendingRedrive_RedrivenAfterTheClosingTheBackendShows_YesUntilTheClaimLapses()
    {
        ExecutionRecord redriven = Execution with { RedriveCount = 1, RedriveDate = Failed.AddSeconds(10) };

        Assert.True(ExecutionRedrives.IsPendingRedrive(redriven, Failed, Failed.AddSeconds(10)));
        Assert.True(ExecutionRedrives.IsPendingRedrive(redriven, Failed.AddSeconds(10), Failed.AddSeconds(11)));
        Assert.True(ExecutionRedrives.IsPendingRedrive(redriven, Failed, Failed.AddSeconds(10) + ExecutionRedrives.PendingRedriveClaim - TimeSpan.FromMilliseconds(1)));
        Assert.False(ExecutionRedrives.IsPendingRedrive(redriven, Failed, Failed.AddSeconds(10) + ExecutionRedrives.PendingRedriveClaim));
    }

    [Fact]
    public void IsPendingRedrive_ClosedAgainAfterTheRedrive_No() =>
        Assert.False(ExecutionRedrives.IsPendingRedrive(
            Execution with { RedriveCount = 1, RedriveDate = Failed }, Failed.AddMilliseconds(1), Failed.AddSeconds(1)));
}
