using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>Writing a payload's text for a sink that copies it costs the recorder nothing per event once warm.</summary>
public sealed class HistoryRecorderAllocationTests
{
    [Fact]
    public void RecordPayload_ManyEvents_AllocatesNothingPerEventOnceWarm()
    {
        var sink = new LengthsSink();
        var recorder = new HistoryRecorder(sink, new FakeExecutionHost());
        var payload = new JsonObject { ["order"] = new JsonObject { ["id"] = "o-1", ["lines"] = new JsonArray(1, 2, 3) }, ["note"] = "same text each time" };
        recorder.RecordPayload(HistoryEventTypes.TaskScheduled, 0, "arn:aws:lambda:us-east-1:123456789012:function:f", "parameters", payload); // the thread's buffer and writer are made once

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            recorder.RecordPayload(HistoryEventTypes.TaskScheduled, i, "arn:aws:lambda:us-east-1:123456789012:function:f", "parameters", payload);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(1001, sink.Lengths.Count);
        Assert.All(sink.Lengths, length => Assert.Equal(payload.ToJsonString().Length, length));
        Assert.True(allocated < 1000 * 8, $"{allocated} bytes for 1,000 events"); // a writer per event (32 B and more) fails this
    }

    /// <summary>A sink that takes texts in the recorder's buffers and keeps only their lengths (its list grows once).</summary>
    private sealed class LengthsSink : IHistorySink, IDirectHistorySink
    {
        public List<int> Lengths { get; } = new(2000);

        public void Record(HistoryEvent historyEvent) => throw new InvalidOperationException("texts are handed over directly");

        public void RecordState(long id, long previousEventId, string type, DateTimeOffset timestamp, string name, ReadOnlySpan<byte> payload, bool exited, AssignedVariableTexts assignedVariables) =>
            Lengths.Add(payload.Length);

        public void Record(long id, long previousEventId, string type, DateTimeOffset timestamp, JsonObject? details) =>
            throw new InvalidOperationException("no generic events here");

        public void RecordPayload(long id, long previousEventId, string type, DateTimeOffset timestamp, string? resource, string member, ReadOnlySpan<byte> payload) =>
            Lengths.Add(payload.Length);
    }
}
