using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Observability;

/// <summary>The metrics: execution counters, state transitions, task and activity durations.</summary>
public sealed class ExecutionTelemetryTests : IDisposable
{
    private readonly ExecutionTelemetry telemetry = new("test-" + Guid.NewGuid().ToString("N"));
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> measurements = new();

    public ExecutionTelemetryTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, telemetry.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();
    }

    public void Dispose()
    {
        listener.Dispose();
        telemetry.Dispose();
    }

    [Fact]
    public void Counters_SucceededExecution_StartedSucceededAndOneTransitionPerState()
    {
        Run("traced", "one", _ => TaskOutcome.Success(null));

        Assert.Equal(1, Sum(TelemetryNames.ExecutionsStarted));
        Assert.Equal(1, Sum(TelemetryNames.ExecutionsSucceeded));
        Assert.Equal(0, Sum(TelemetryNames.ExecutionsFailed));
        Assert.Equal(6, Sum(TelemetryNames.StateTransitions));
        Assert.All(measurements, m => Assert.Equal("machine", m.Tags[TelemetryNames.StateMachineName]));
        Assert.Equal(2, measurements.Count(m => m.Name == TelemetryNames.TaskDuration && (string?)m.Tags[TelemetryNames.Outcome] == "succeeded"));
    }

    [Fact]
    public void Counters_FailedExecution_CountedFailed()
    {
        Run("caught", "two", _ => TaskOutcome.Failure(new AslError("Custom.Boom", null)));

        Assert.Equal(1, Sum(TelemetryNames.ExecutionsFailed));
        Assert.Equal(0, Sum(TelemetryNames.ExecutionsSucceeded));
        Assert.Equal(2, measurements.Count(m => m.Name == TelemetryNames.TaskDuration && (string?)m.Tags[TelemetryNames.Outcome] == "failed"));
    }

    [Fact]
    public void End_RunningExecutionStopped_CountedAbortedAndTraceClosed()
    {
        ExecutionTrace trace = telemetry.TraceFor(new ExecutionLabels("stopped", "arn", "machine", null))!;
        trace.Record(new Core.Engine.History.HistoryEvent(1, 0, "ExecutionStarted", DateTimeOffset.UnixEpoch, null));

        telemetry.End("stopped", "ABORTED", null, DateTimeOffset.UnixEpoch.AddSeconds(1));

        Assert.Equal(1, Sum(TelemetryNames.ExecutionsAborted));
        Assert.NotSame(trace, telemetry.TraceFor(new ExecutionLabels("stopped", "arn", "machine", null)));
    }

    [Fact]
    public void Stopped_OpenTrace_EndsItAbortedWithTheCause()
    {
        using SpanRecorder spans = new(telemetry.Source.Name);
        ExecutionTrace trace = telemetry.TraceFor(new ExecutionLabels("stop-open", "arn", "machine", null))!;
        trace.Record(new Core.Engine.History.HistoryEvent(1, 0, "ExecutionStarted", DateTimeOffset.UnixEpoch, null));

        telemetry.Stopped("stop-open", "machine", new AslError("Manual", "no longer needed"), DateTimeOffset.UnixEpoch.AddSeconds(1));

        Assert.Equal(1, Sum(TelemetryNames.ExecutionsAborted));
        System.Diagnostics.Activity execution = spans.Single("execution machine");
        Assert.Equal("ABORTED", execution.GetTagItem(TelemetryNames.ExecutionStatus));
        Assert.Equal("no longer needed", execution.StatusDescription);
    }

    [Fact]
    public void Stopped_NoTraceHere_StillCounted()
    {
        telemetry.Stopped("elsewhere", "machine", null, DateTimeOffset.UnixEpoch);

        Assert.Equal(1, Sum(TelemetryNames.ExecutionsAborted));
    }

    [Fact]
    public void RecordActivity_Duration_TaggedWithResourceAndOutcome()
    {
        telemetry.RecordActivity("arn:aws:lambda:us-east-1:123456789012:function:f", "Succeeded", TimeSpan.FromMilliseconds(250));

        var m = Assert.Single(measurements, m => m.Name == TelemetryNames.ActivityDuration);
        Assert.Equal(0.25, m.Value);
        Assert.Equal("Succeeded", m.Tags[TelemetryNames.Outcome]);
    }

    private double Sum(string name) => measurements.Where(m => m.Name == name).Sum(m => m.Value);

    private void Run(string definition, string key, Func<TaskInvocation, TaskOutcome> tasks)
    {
        ExecutionTrace trace = telemetry.TraceFor(new ExecutionLabels(key, "arn:" + key, "machine", null))!;
        new Interpreter(EngineRun.Compile(DefinitionFiles.Read("observability", definition)))
            .RunAsync(new ExecutionRequest { Input = new System.Text.Json.Nodes.JsonObject(), StateMachineName = "machine" }, new FakeExecutionHost { Tasks = tasks }, new ExecutionOptions { History = trace })
            .AsTask().GetAwaiter().GetResult();
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        Dictionary<string, object?> result = [];
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
