using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// AslOnDurable's traces and metrics: the <see cref="ActivitySource"/> and <see cref="Meter"/> (both named
/// <see cref="TelemetryNames.Source"/> unless a test picks another name), the instruments, and the traces of the
/// executions running in this process. One per process (a DI singleton); <see cref="ExecutionTrace"/> turns an
/// execution's ASL history events into spans and measurements.
/// </summary>
/// <remarks>
/// A trace lives in memory from ExecutionStarted to the execution's end. On the durable engine its history events
/// arrive once, outside replay, possibly over many episodes: spans are kept open between them. Should the process
/// that started an execution go away, the next episode elsewhere opens a fresh execution span (attribute
/// <see cref="TelemetryNames.Resumed"/>) under the execution's stored trace parent, so the trace stays one.
/// </remarks>
public sealed class ExecutionTelemetry : IDisposable
{
    private readonly ConcurrentDictionary<string, ExecutionTrace> traces = new(StringComparer.Ordinal);
    private readonly ILogger? executionLog;

    /// <summary>Creates the source, the meter and the instruments.</summary>
    /// <param name="name">The source and meter name; tests pass their own so parallel tests do not see each other.</param>
    /// <param name="executionLog">Where executions whose state machine has a <c>loggingConfiguration</c> log their events
    /// (category <see cref="TelemetryNames.ExecutionLogCategory"/>), or <see langword="null"/> for nowhere.</param>
    public ExecutionTelemetry(string name = TelemetryNames.Source, ILogger? executionLog = null)
    {
        this.executionLog = executionLog;
        Source = new ActivitySource(name, typeof(ExecutionTelemetry).Assembly.GetName().Version?.ToString());
        Meter = new Meter(name);
        Started = Meter.CreateCounter<long>(TelemetryNames.ExecutionsStarted, "{execution}", "Executions started");
        Succeeded = Meter.CreateCounter<long>(TelemetryNames.ExecutionsSucceeded, "{execution}", "Executions that succeeded");
        Failed = Meter.CreateCounter<long>(TelemetryNames.ExecutionsFailed, "{execution}", "Executions that failed");
        TimedOut = Meter.CreateCounter<long>(TelemetryNames.ExecutionsTimedOut, "{execution}", "Executions that timed out");
        Aborted = Meter.CreateCounter<long>(TelemetryNames.ExecutionsAborted, "{execution}", "Executions stopped before they ended");
        Transitions = Meter.CreateCounter<long>(TelemetryNames.StateTransitions, "{transition}", "States entered");
        TaskDuration = Meter.CreateHistogram<double>(TelemetryNames.TaskDuration, "s", "Task calls, from TaskScheduled to their result");
        ActivityDuration = Meter.CreateHistogram<double>(TelemetryNames.ActivityDuration, "s", "Task activities, as they ran on a worker");
    }

    /// <summary>Gets the activity source.</summary>
    public ActivitySource Source { get; }

    /// <summary>Gets the meter.</summary>
    public Meter Meter { get; }

    internal Counter<long> Started { get; }

    internal Counter<long> Succeeded { get; }

    internal Counter<long> Failed { get; }

    internal Counter<long> TimedOut { get; }

    internal Counter<long> Aborted { get; }

    internal Counter<long> Transitions { get; }

    internal Histogram<double> TaskDuration { get; }

    internal Histogram<double> ActivityDuration { get; }

    /// <summary>Whether anything listens: spans sampled or any instrument enabled.</summary>
    public bool IsEnabled => Source.HasListeners() || Started.Enabled || Transitions.Enabled || TaskDuration.Enabled;

    /// <summary>
    /// Gets the trace of a running execution, opening it when it is new; <see langword="null"/> when nothing listens
    /// and no trace is open (the engine then builds no history details for it).
    /// </summary>
    /// <param name="labels">The execution.</param>
    /// <returns>The trace, a history sink.</returns>
    public ExecutionTrace? TraceFor(ExecutionLabels labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (traces.TryGetValue(labels.Key, out ExecutionTrace? open))
        {
            return open;
        }

        return IsEnabled ? traces.GetOrAdd(labels.Key, _ => new ExecutionTrace(this, labels)) : null;
    }

    /// <summary>
    /// Everything that observes one execution: its trace (spans, metrics) and its log (as its <c>loggingConfiguration</c>
    /// says), combined into one history sink, or <see langword="null"/> when neither is on.
    /// </summary>
    /// <param name="labels">The execution.</param>
    /// <returns>The trace (for the trace parent of task calls) and the sink.</returns>
    public ExecutionObservation Observe(ExecutionLabels labels)
    {
        ExecutionTrace? trace = TraceFor(labels);
        // The orchestrator feeds this sink through ReplaySafeHistorySink only: an event is logged once, outside replay.
#pragma warning disable DURABLE0010 // Replay-safe by the sink that wraps it (see above).
        ExecutionLog? log = executionLog is not null && ExecutionLogLevels.LogsAnything(labels.LogLevel)
            ? new ExecutionLog(executionLog, labels.LogLevel!, labels.LogExecutionData, labels.ExecutionArn)
            : null;
#pragma warning restore DURABLE0010
        return new ExecutionObservation(trace, CompositeHistorySink.Of(trace, log));
    }

    /// <summary>Ends an execution that will record no more events (stopped, or timed out by the host's deadline).</summary>
    /// <param name="key">The trace key (<see cref="ExecutionLabels.Key"/>).</param>
    /// <param name="status">AWS's status: <c>ABORTED</c> or <c>TIMED_OUT</c>.</param>
    /// <param name="error">The error, if any.</param>
    /// <param name="at">When it ended.</param>
    public void End(string key, string status, AslError? error, DateTimeOffset at)
    {
        if (traces.TryGetValue(key, out ExecutionTrace? trace))
        {
            trace.End(status, error, at);
        }
    }

    /// <summary>Records the run of one task activity on a worker.</summary>
    /// <param name="resource">The Task's resource.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="elapsed">How long it ran.</param>
    public void RecordActivity(string resource, string outcome, TimeSpan elapsed) =>
        ActivityDuration.Record(elapsed.TotalSeconds, new(TelemetryNames.TaskResource, resource), new(TelemetryNames.Outcome, outcome));

    /// <summary>
    /// An execution stopped from outside (StopExecution): its open trace here ends <c>ABORTED</c> with the error and
    /// cause; without one (another worker ran it, or nothing listened) it is still counted.
    /// </summary>
    /// <param name="key">The trace key (the durable instance id).</param>
    /// <param name="stateMachineName">The state machine name.</param>
    /// <param name="error">StopExecution's error and cause, if any.</param>
    /// <param name="at">When it was stopped.</param>
    public void Stopped(string key, string stateMachineName, AslError? error, DateTimeOffset at)
    {
        if (traces.TryGetValue(key, out ExecutionTrace? trace))
        {
            trace.End("ABORTED", error ?? new AslError("States.Aborted", null), at);
        }
        else
        {
            Aborted.Add(1, new KeyValuePair<string, object?>(TelemetryNames.StateMachineName, stateMachineName));
        }
    }

    /// <summary>
    /// Logs an event recorded outside the engine (StopExecution's ExecutionAborted) as the execution's
    /// <c>loggingConfiguration</c> says, like the events the engine records.
    /// </summary>
    /// <param name="labels">The execution, with its log level and execution data setting.</param>
    /// <param name="historyEvent">The event.</param>
    public void LogEvent(ExecutionLabels labels, HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (executionLog is not null && ExecutionLogLevels.LogsAnything(labels.LogLevel))
        {
            new ExecutionLog(executionLog, labels.LogLevel!, labels.LogExecutionData, labels.ExecutionArn).Record(historyEvent);
        }
    }

    internal void Forget(ExecutionTrace trace) => traces.TryRemove(new KeyValuePair<string, ExecutionTrace>(trace.Labels.Key, trace));

    /// <inheritdoc />
    public void Dispose()
    {
        Source.Dispose();
        Meter.Dispose();
    }
}
