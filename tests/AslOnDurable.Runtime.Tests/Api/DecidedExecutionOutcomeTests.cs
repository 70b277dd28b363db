using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Tests.Durable;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// An execution whose result is decided while the backend still runs its instance (the Functions host completes it only
/// once the work it abandoned has answered): DescribeExecution answers the decided result from the history's closing event.
/// </summary>
public sealed class DecidedExecutionOutcomeTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
    private readonly ExecutionHistoryStore history = new();
    private readonly WatchedInstanceClient backend = new();

    [Fact]
    public async Task RunningAndFinished_HistoryEndsFailed_FailedWithTheClosingEventsErrorCauseAndDate()
    {
        backend.Custom = WatchedInstanceClient.Finished;
        Record(HistoryEventTypes.ExecutionFailed, new JsonObject { ["error"] = "Boom", ["cause"] = "on purpose" });

        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None, history);

        Assert.Equal(("FAILED", "Boom", "on purpose", Start.AddSeconds(2)), (outcome.Status, outcome.Error, outcome.Cause, outcome.StopDate));
    }

    [Fact]
    public async Task RunningAndFinished_HistoryEndsSucceeded_SucceededWithTheOutput()
    {
        backend.Custom = WatchedInstanceClient.Finished;
        Record(HistoryEventTypes.ExecutionSucceeded, new JsonObject { ["output"] = """{"handled":true}""" });

        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None, history);

        Assert.Equal(("SUCCEEDED", """{"handled":true}"""), (outcome.Status, outcome.Output));
    }

    [Fact]
    public async Task RunningNotFinished_OrNoHistoryGiven_Running()
    {
        Record(HistoryEventTypes.ExecutionTimedOut, new JsonObject { ["error"] = "States.Timeout" });

        Assert.Equal("RUNNING", (await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None, history)).Status);
        backend.Custom = WatchedInstanceClient.Finished;
        Assert.Equal("RUNNING", (await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None)).Status);
        Assert.Equal("TIMED_OUT", (await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None, history)).Status);
    }

    [Fact]
    public async Task RunningAndFinished_HistoryWithoutClosingEvent_Running()
    {
        backend.Custom = WatchedInstanceClient.Finished;
        history.SinkFor("m:r1").Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionStarted, Start, null));

        Assert.Equal("RUNNING", (await ExecutionOutcomes.OfAsync(Execution(), backend, CancellationToken.None, history)).Status);
    }

    private void Record(string closingType, JsonObject details)
    {
        IHistorySink sink = history.SinkFor("m:r1");
        sink.Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionStarted, Start, null));
        sink.Record(new HistoryEvent(2, 1, closingType, Start.AddSeconds(2), details));
    }

    private static ExecutionRecord Execution()
    {
        string prefix = new ApiOptions().ArnPrefix;
        StateMachineRecord machine = new(prefix + ":stateMachine:m", "m", "STANDARD", "{}", "r", Start);
        return new ExecutionRecord(prefix + ":execution:m:r1", machine.Arn, "r1", "m:r1", "{}", Start, machine);
    }
}
