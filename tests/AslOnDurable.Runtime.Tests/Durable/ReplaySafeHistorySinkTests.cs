using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Durable;
using Microsoft.DurableTask;
using Moq;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// The orchestrator's replay guard keeps only new events, and over the API host's compact history it passes the
/// engine's direct records through (so the API path records without event objects there too).
/// </summary>
public sealed class ReplaySafeHistorySinkTests
{
    [Fact]
    public void OverCompactSink_DirectRecordsWhileReplaying_Dropped_LiveOnesKept()
    {
        Mock<TaskOrchestrationContext> context = new();
        CompactHistorySink compact = new();
        IHistorySink sink = ReplaySafeHistorySink.For(context.Object, compact);
        IDirectHistorySink direct = Assert.IsAssignableFrom<IDirectHistorySink>(sink);

        context.SetupGet(c => c.IsReplaying).Returns(true);
        direct.RecordState(1, 0, "PassStateEntered", DateTimeOffset.UnixEpoch, "Old", "{}"u8, exited: false, default);
        direct.Record(2, 1, "TaskStarted", DateTimeOffset.UnixEpoch, null);
        direct.RecordPayload(3, 2, "TaskSucceeded", DateTimeOffset.UnixEpoch, null, "output", "1"u8);
        sink.Record(new HistoryEvent(4, 3, "MapStateStarted", DateTimeOffset.UnixEpoch, null));
        context.SetupGet(c => c.IsReplaying).Returns(false);
        direct.RecordState(5, 4, "PassStateExited", DateTimeOffset.UnixEpoch, "New", "{\"a\":1}"u8, exited: true, default);
        direct.Record(6, 5, "TaskStarted", DateTimeOffset.UnixEpoch, new JsonObject { ["x"] = 1 });
        direct.RecordPayload(7, 6, "TaskScheduled", DateTimeOffset.UnixEpoch, "arn:r", "parameters", Encoding.UTF8.GetBytes("{\"p\":\"é\"}"));
        sink.Record(new HistoryEvent(8, 7, "MapStateSucceeded", DateTimeOffset.UnixEpoch, null));

        IReadOnlyList<HistoryEvent> events = compact.Events;
        Assert.Equal([5L, 6, 7, 8], events.Select(e => e.Id));
        Assert.Equal("{\"a\":1}", events[0].State!.Payload);
        Assert.Equal("""{"x":1}""", events[1].Details!.ToJsonString());
        Assert.Equal("arn:r", events[2].Details!["resource"]!.GetValue<string>());
        Assert.Equal("{\"p\":\"é\"}", events[2].Details!["parameters"]!.GetValue<string>());
    }

    [Fact]
    public void OverOtherSink_EventsWhileReplaying_Dropped()
    {
        Mock<TaskOrchestrationContext> context = new();
        ListHistorySink list = new();
        IHistorySink sink = ReplaySafeHistorySink.For(context.Object, list);
        Assert.False(sink is IDirectHistorySink);

        context.SetupGet(c => c.IsReplaying).Returns(true);
        sink.Record(new HistoryEvent(1, 0, "ExecutionStarted", DateTimeOffset.UnixEpoch, null));
        context.SetupGet(c => c.IsReplaying).Returns(false);
        sink.Record(new HistoryEvent(2, 1, "PassStateEntered", DateTimeOffset.UnixEpoch, null));

        Assert.Equal([2L], list.Events.Select(e => e.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CloseWith_AfterTheEnginesEvents_NumberedAfterTheLastSeenOnceAndNothingAfter(bool compact)
    {
        Mock<TaskOrchestrationContext> context = new();
        CompactHistorySink compactSink = new();
        ListHistorySink listSink = new();
        ReplaySafeHistorySink sink = ReplaySafeHistorySink.For(context.Object, compact ? compactSink : listSink);
        sink.ContinueFrom(3); // an earlier generation's events

        context.SetupGet(c => c.IsReplaying).Returns(true);
        sink.Record(new HistoryEvent(4, 3, "WaitStateEntered", DateTimeOffset.UnixEpoch, null)); // replayed: only counted
        context.SetupGet(c => c.IsReplaying).Returns(false);
        sink.Record(new HistoryEvent(5, 4, "TaskScheduled", DateTimeOffset.UnixEpoch, null));
        sink.CloseWith(HistoryEventTypes.ExecutionTimedOut, DateTimeOffset.UnixEpoch.AddSeconds(2), "States.Timeout", null);
        sink.Record(new HistoryEvent(6, 5, "TaskSucceeded", DateTimeOffset.UnixEpoch, null)); // a late answer
        sink.CloseWith(HistoryEventTypes.ExecutionFailed, DateTimeOffset.UnixEpoch, "States.Runtime", "again");

        IReadOnlyList<HistoryEvent> events = compact ? compactSink.Events : listSink.Events;
        Assert.Equal(["TaskScheduled", "ExecutionTimedOut"], events.Select(e => e.Type));
        Assert.Equal(6, events[1].Id);
        Assert.Equal(5, events[1].PreviousEventId);
        Assert.Equal("States.Timeout", (string?)events[1].Details!["error"]);
    }

    [Fact]
    public void CloseWith_WhenTheEngineClosedTheHistoryOrWhileReplaying_RecordsNothing()
    {
        Mock<TaskOrchestrationContext> context = new();
        ListHistorySink list = new();
        ReplaySafeHistorySink closedByEngine = ReplaySafeHistorySink.For(context.Object, list);
        closedByEngine.Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionSucceeded, DateTimeOffset.UnixEpoch, null));
        closedByEngine.CloseWith(HistoryEventTypes.ExecutionFailed, DateTimeOffset.UnixEpoch, "States.Runtime", "boom");

        ReplaySafeHistorySink replaying = ReplaySafeHistorySink.For(context.Object, list);
        context.SetupGet(c => c.IsReplaying).Returns(true);
        replaying.CloseWith(HistoryEventTypes.ExecutionTimedOut, DateTimeOffset.UnixEpoch, "States.Timeout", null);

        Assert.Equal([HistoryEventTypes.ExecutionSucceeded], list.Events.Select(e => e.Type));
    }
}
