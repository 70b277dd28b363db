using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// Turns one execution's ASL history events into spans and measurements: an execution span (ExecutionStarted to its
/// end), a child span per state (StateEntered to StateExited, or to the next state after a caught error), a child of
/// the state per task call (TaskScheduled to its result); states inside a Parallel branch or Map iteration are
/// children of the Parallel/Map state's span. Every span carries the execution ARN and state machine name, state spans
/// the state name and type, and a failure sets the span status to error with the ASL error and cause. Span times are the
/// events' timestamps (the host's clock: the orchestration's replay-safe time on the durable engine).
/// </summary>
/// <remarks>
/// Events are linked through <see cref="HistoryEvent.PreviousEventId"/>, as the engine chains them per branch, so
/// concurrent branches and iterations are told apart without knowing how they interleave. Feed it only events recorded
/// for the first time (<see cref="Durable.ReplaySafeHistorySink"/>): a replayed event would open a second span.
/// </remarks>
public sealed class ExecutionTrace : IHistorySink
{
    private readonly ExecutionTelemetry telemetry;
    private readonly ActivityContext parentContext;
    private readonly KeyValuePair<string, object?> machineTag;
    private readonly Dictionary<long, Link> links = [];
    private readonly HashSet<Activity> open = [];
    private readonly Lock gate = new();
    private Activity? root;
    private bool rootOpened;
    private Activity? lastTask;

    internal ExecutionTrace(ExecutionTelemetry telemetry, ExecutionLabels labels)
    {
        this.telemetry = telemetry;
        Labels = labels;
        machineTag = new(TelemetryNames.StateMachineName, labels.StateMachineName);
        ActivityContext.TryParse(labels.TraceParent, null, isRemote: true, out parentContext);
    }

    /// <summary>Gets the execution this trace belongs to.</summary>
    public ExecutionLabels Labels { get; }

    /// <summary>
    /// Gets the W3C <c>traceparent</c> a task call or child execution started now should carry: the task span last
    /// opened (the engine asks right after recording TaskScheduled/TaskStarted, on the same thread), else the execution
    /// span, else whatever started the execution.
    /// </summary>
    public string? CurrentTaskTraceParent
    {
        get
        {
            lock (gate)
            {
                return (lastTask ?? root)?.Id ?? Labels.TraceParent;
            }
        }
    }

    /// <inheritdoc />
    public void Record(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        lock (gate)
        {
            Apply(historyEvent);
        }
    }

    /// <summary>Ends the execution from outside its history (stopped, or timed out by the host's deadline).</summary>
    internal void End(string status, AslError? error, DateTimeOffset at)
    {
        lock (gate)
        {
            Finish(status, error, at);
        }
    }

    private void Apply(HistoryEvent e)
    {
        string type = e.Type;
        switch (type)
        {
            case HistoryEventTypes.ExecutionStarted:
                OpenRoot(e.Timestamp, resumed: false);
                telemetry.Started.Add(1, machineTag);
                return;
            case HistoryEventTypes.ExecutionSucceeded:
                Finish("SUCCEEDED", null, e.Timestamp);
                return;
            case HistoryEventTypes.ExecutionFailed:
                Finish("FAILED", ErrorOf(e.Details) ?? new AslError(StatesErrorNames.Runtime, null), e.Timestamp);
                return;
            case HistoryEventTypes.ExecutionTimedOut:
                Finish("TIMED_OUT", ErrorOf(e.Details) ?? new AslError(StatesErrorNames.Timeout, null), e.Timestamp);
                return;
        }

        Link previous = LinkBefore(e);
        if (type.EndsWith("StateEntered", StringComparison.Ordinal))
        {
            // A state still open in this chain failed and was caught: it ends where the next one starts.
            if (previous.Branch is null && previous.State is { } caught)
            {
                Close(caught, e.Timestamp, previous.Error);
            }

            Activity? container = previous.Branch ?? previous.Container;
            string stateType = type[..^"StateEntered".Length];
            string name = e.Details?["name"]?.GetValue<string>() ?? stateType;
            Activity? state = Open("state " + name, container, e.Timestamp, [new(TelemetryNames.StateName, name), new(TelemetryNames.StateType, stateType)]);
            telemetry.Transitions.Add(1, machineTag, new(TelemetryNames.StateType, stateType));
            links[e.Id] = new Link(container, state, null, null, null);
        }
        else if (type.EndsWith("StateExited", StringComparison.Ordinal))
        {
            if (previous.State is { } state)
            {
                Close(state, e.Timestamp, previous.Error); // an error the state caught still marks it
            }

            links[e.Id] = new Link(previous.Container, null, null, null, null);
        }
        else if (type is HistoryEventTypes.TaskScheduled or HistoryEventTypes.LambdaFunctionScheduled)
        {
            string resource = e.Details?["resource"]?.GetValue<string>() ?? "task";
            Activity? task = Open("task " + resource, previous.State ?? previous.Container, e.Timestamp, [new(TelemetryNames.TaskResource, resource)]);
            lastTask = task;
            links[e.Id] = previous with { Task = task, TaskStart = e.Timestamp, TaskResource = resource };
        }
        else if (IsTaskEnd(type))
        {
            AslError? error = type is HistoryEventTypes.TaskSucceeded or HistoryEventTypes.LambdaFunctionSucceeded ? null : ErrorOf(e.Details) ?? new AslError(type, null);
            if (previous.TaskStart is { } scheduled)
            {
                telemetry.TaskDuration.Record(
                    Math.Max(0, (e.Timestamp - scheduled).TotalSeconds),
                    machineTag, new(TelemetryNames.TaskResource, previous.TaskResource), new(TelemetryNames.Outcome, Outcome(type)));
            }

            if (previous.Task is { } task)
            {
                Close(task, e.Timestamp, error);
                if (ReferenceEquals(lastTask, task))
                {
                    lastTask = null;
                }
            }

            // A retry that succeeds clears the failure of the attempt before it.
            links[e.Id] = previous with { Task = null, TaskStart = null, TaskResource = null, Error = error };
        }
        else if (type is HistoryEventTypes.ParallelStateStarted or HistoryEventTypes.MapIterationStarted)
        {
            // Opens branches: states chained after this event run inside the Parallel/Map state's span.
            links[e.Id] = previous with { Branch = previous.State ?? previous.Container };
        }
        else
        {
            AslError? error = type.EndsWith("Failed", StringComparison.Ordinal) ? ErrorOf(e.Details) : null;
            if (error is not null && previous.State is { } failing)
            {
                MarkError(failing, error);
            }

            links[e.Id] = previous with { Branch = null, Error = error ?? previous.Error };
        }
    }

    /// <summary>The link of the event this one follows; events that open branches stay, others are used once.</summary>
    private Link LinkBefore(HistoryEvent e)
    {
        EnsureRoot(e.Timestamp);
        if (e.PreviousEventId == 0 || !links.TryGetValue(e.PreviousEventId, out Link? previous))
        {
            return new Link(root, null, null, null, null);
        }

        if (previous.Branch is null)
        {
            links.Remove(e.PreviousEventId);
        }

        return previous;
    }

    private void EnsureRoot(DateTimeOffset at)
    {
        if (!rootOpened)
        {
            OpenRoot(at, resumed: true);
        }
    }

    private void OpenRoot(DateTimeOffset at, bool resumed)
    {
        rootOpened = true;
        List<KeyValuePair<string, object?>> tags = [new(TelemetryNames.ExecutionArn, Labels.ExecutionArn), machineTag];
        if (resumed)
        {
            tags.Add(new(TelemetryNames.Resumed, true));
        }

        root = Start("execution " + Labels.StateMachineName, parentContext, at, tags);
    }

    private Activity? Open(string name, Activity? parent, DateTimeOffset at, KeyValuePair<string, object?>[] tags)
    {
        List<KeyValuePair<string, object?>> all = [new(TelemetryNames.ExecutionArn, Labels.ExecutionArn), machineTag, .. tags];
        return Start(name, parent?.Context ?? root?.Context ?? parentContext, at, all);
    }

    private Activity? Start(string name, ActivityContext parent, DateTimeOffset at, IEnumerable<KeyValuePair<string, object?>> tags)
    {
        // Spans are opened explicitly, never made ambient: the engine's own async flow must not inherit them.
        Activity? ambient = Activity.Current;
        Activity? span = telemetry.Source.StartActivity(name, ActivityKind.Internal, parent, tags, startTime: at);
        Activity.Current = ambient;
        if (span is not null)
        {
            open.Add(span);
        }

        return span;
    }

    private void Close(Activity span, DateTimeOffset at, AslError? error)
    {
        if (!open.Remove(span))
        {
            return;
        }

        if (error is not null)
        {
            MarkError(span, error);
        }

        Activity? ambient = Activity.Current;
        span.SetEndTime(at.UtcDateTime);
        span.Stop();
        Activity.Current = ambient;
    }

    private void Finish(string status, AslError? error, DateTimeOffset at)
    {
        EnsureRoot(at);
        Counter(status).Add(1, machineTag);
        foreach (Activity span in open.Where(s => !ReferenceEquals(s, root)).ToList())
        {
            Close(span, at, error ?? (status == "SUCCEEDED" ? null : new AslError("States." + status, null)));
        }

        if (root is { } execution)
        {
            execution.SetTag(TelemetryNames.ExecutionStatus, status);
            Close(execution, at, error);
        }

        links.Clear();
        telemetry.Forget(this);
    }

    private System.Diagnostics.Metrics.Counter<long> Counter(string status) => status switch
    {
        "SUCCEEDED" => telemetry.Succeeded,
        "TIMED_OUT" => telemetry.TimedOut,
        "ABORTED" => telemetry.Aborted,
        _ => telemetry.Failed,
    };

    private static void MarkError(Activity span, AslError error)
    {
        span.SetTag(TelemetryNames.Error, error.Error);
        span.SetTag("error.type", error.Error);
        if (error.Cause is { } cause)
        {
            span.SetTag(TelemetryNames.Cause, cause);
        }

        span.SetStatus(ActivityStatusCode.Error, error.Cause ?? error.Error);
    }

    private static AslError? ErrorOf(JsonObject? details) =>
        details?["error"]?.GetValue<string>() is { } error ? new AslError(error, details["cause"]?.GetValue<string>()) : null;

    private static bool IsTaskEnd(string type) => type is HistoryEventTypes.TaskSucceeded or HistoryEventTypes.TaskFailed
        or HistoryEventTypes.TaskTimedOut or HistoryEventTypes.LambdaFunctionSucceeded or HistoryEventTypes.LambdaFunctionFailed
        or HistoryEventTypes.LambdaFunctionTimedOut;

    private static string Outcome(string type) => type switch
    {
        HistoryEventTypes.TaskSucceeded or HistoryEventTypes.LambdaFunctionSucceeded => "succeeded",
        HistoryEventTypes.TaskTimedOut or HistoryEventTypes.LambdaFunctionTimedOut => "timed_out",
        _ => "failed",
    };

    /// <summary>Where an event sits: the span new states open under, the open state and task, and the last failure.</summary>
    private sealed record Link(Activity? Container, Activity? State, Activity? Task, Activity? Branch, AslError? Error)
    {
        public DateTimeOffset? TaskStart { get; init; }

        public string? TaskResource { get; init; }
    }
}
