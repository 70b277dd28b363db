namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// The names AslOnDurable's traces and metrics go by: one <see cref="System.Diagnostics.ActivitySource"/> and one
/// <see cref="System.Diagnostics.Metrics.Meter"/>, both called <see cref="Source"/>. Add them to an OpenTelemetry
/// provider (<c>AddSource("AslOnDurable")</c>, <c>AddMeter("AslOnDurable")</c>) to export them.
/// </summary>
public static class TelemetryNames
{
    /// <summary>The activity source and meter name.</summary>
    public const string Source = "AslOnDurable";

    /// <summary>The log category of execution events logged by <c>loggingConfiguration</c>.</summary>
    public const string ExecutionLogCategory = "AslOnDurable.Executions";

    /// <summary>
    /// The log category of definition warnings: Task resources the host's integrations cannot serve, logged by
    /// CreateStateMachine and UpdateStateMachine (AWS's responses have no warnings field).
    /// </summary>
    public const string DefinitionWarningsCategory = "AslOnDurable.DefinitionWarnings";

    /// <summary>Span attribute: the execution ARN.</summary>
    public const string ExecutionArn = "asl.execution.arn";

    /// <summary>Span attribute and metric tag: the state machine name.</summary>
    public const string StateMachineName = "asl.state_machine.name";

    /// <summary>Span attribute: the state name.</summary>
    public const string StateName = "asl.state.name";

    /// <summary>Span attribute and metric tag: the state type (<c>Task</c>, <c>Pass</c>…).</summary>
    public const string StateType = "asl.state.type";

    /// <summary>Span attribute and metric tag: a Task state's resource.</summary>
    public const string TaskResource = "asl.task.resource";

    /// <summary>Span attribute: the ASL error name (<c>States.TaskFailed</c>…).</summary>
    public const string Error = "asl.error";

    /// <summary>Span attribute: the ASL error cause (also the span status description).</summary>
    public const string Cause = "asl.cause";

    /// <summary>Span attribute: the execution's final status (SUCCEEDED, FAILED, TIMED_OUT, ABORTED).</summary>
    public const string ExecutionStatus = "asl.execution.status";

    /// <summary>Span attribute: the span was opened after the process that started the execution went away.</summary>
    public const string Resumed = "asl.resumed";

    /// <summary>Metric tag: how a task call ended (succeeded, failed, timed_out, …).</summary>
    public const string Outcome = "asl.outcome";

    /// <summary>Counter: executions started.</summary>
    public const string ExecutionsStarted = "asl.executions.started";

    /// <summary>Counter: executions that succeeded.</summary>
    public const string ExecutionsSucceeded = "asl.executions.succeeded";

    /// <summary>Counter: executions that failed.</summary>
    public const string ExecutionsFailed = "asl.executions.failed";

    /// <summary>Counter: executions that timed out.</summary>
    public const string ExecutionsTimedOut = "asl.executions.timed_out";

    /// <summary>Counter: executions stopped (StopExecution, termination, cancelled runs).</summary>
    public const string ExecutionsAborted = "asl.executions.aborted";

    /// <summary>Counter: state transitions (states entered).</summary>
    public const string StateTransitions = "asl.state.transitions";

    /// <summary>Histogram (seconds): one task call as the execution saw it, from TaskScheduled to its result.</summary>
    public const string TaskDuration = "asl.task.duration";

    /// <summary>Histogram (seconds): one task activity's run on a worker (durable engine only).</summary>
    public const string ActivityDuration = "asl.activity.duration";
}
