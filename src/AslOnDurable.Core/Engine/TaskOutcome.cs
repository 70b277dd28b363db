using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>The outcome of one task attempt: a result, or an error the engine may retry or catch.</summary>
public sealed class TaskOutcome
{
    private static readonly TaskOutcome Awaiting = new(null, null, awaitingCallback: true);

    private TaskOutcome(
        JsonNode? result, AslError? error, bool isTimeout = false, StateMachines.NestedExecutionRequest? nestedExecution = null, bool awaitingCallback = false)
    {
        IsAwaitingCallback = awaitingCallback;
        Result = result;
        Error = error;
        IsTimeout = isTimeout;
        NestedExecution = nestedExecution;
    }

    /// <summary>The raw result (before ResultSelector) when the task succeeded; owned by the engine.</summary>
    public JsonNode? Result { get; }

    /// <summary>
    /// An upper bound of <see cref="Result"/>'s size as the payload quota counts it, when the host knows one for free
    /// (the length of the JSON text it read the result from as a member of a record read with the engine's depth limit,
    /// so the result nests at least one level less deep than that limit): the engine then measures the result only when
    /// the bound is over the quota.
    /// </summary>
    public long? ResultSizeBound { get; private init; }

    /// <summary>What <see cref="ResultSizeBound"/> tells of the result, if anything.</summary>
    internal Lifecycle.PayloadBound? ResultBound => ResultSizeBound is { } size ? Lifecycle.PayloadBound.Written(size) : null;

    /// <summary>The error when the task failed.</summary>
    public AslError? Error { get; }

    /// <summary>
    /// The child execution the task asks its host to start (<c>states:startExecution</c>), or <see langword="null"/>.
    /// Hosts turn such an outcome into the child's result before the engine sees it (in memory: a nested run; durably:
    /// a sub-orchestration), so task handlers (and mocks, which come first) stay free of execution logic.
    /// </summary>
    public StateMachines.NestedExecutionRequest? NestedExecution { get; }

    /// <summary>
    /// Whether the handler handed the task token (<see cref="TaskInvocation.TaskToken"/>) to a worker and the answer comes
    /// later, through SendTaskSuccess/SendTaskFailure (<c>.waitForTaskToken</c>). Hosts that accept callbacks wait for it
    /// within the Task's <c>TimeoutSeconds</c> and <c>HeartbeatSeconds</c>; elsewhere the state fails with
    /// <c>States.Runtime</c>.
    /// </summary>
    public bool IsAwaitingCallback { get; }

    /// <summary>Whether the task failed.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>
    /// Whether the host stopped the attempt because it ran past <c>TimeoutSeconds</c> or missed a heartbeat (history:
    /// <c>TaskTimedOut</c> rather than <c>TaskFailed</c>).
    /// </summary>
    public bool IsTimeout { get; }

    /// <summary>A successful outcome.</summary>
    /// <param name="result">The raw result, handed over to the engine.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Success(JsonNode? result) => new(result, null);

    /// <summary>A successful outcome whose result the host read from JSON text of a known size (see <see cref="ResultSizeBound"/>).</summary>
    /// <param name="result">The raw result, handed over to the engine, unchanged since it was read.</param>
    /// <param name="sizeBound">At least the result's compact UTF-8 size: e.g. the UTF-8 length of the text it was read from.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Success(JsonNode? result, long sizeBound) => new(result, null) { ResultSizeBound = sizeBound };

    /// <summary>A failed outcome.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Failure(AslError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>An outcome asking the host to start a child execution (see <see cref="NestedExecution"/>).</summary>
    /// <param name="request">The child, its definition resolved.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome StartExecution(StateMachines.NestedExecutionRequest request) =>
        new(null, null, nestedExecution: request ?? throw new ArgumentNullException(nameof(request)));

    /// <summary>An outcome saying the answer comes later, by callback (see <see cref="IsAwaitingCallback"/>).</summary>
    /// <returns>The outcome.</returns>
    public static TaskOutcome AwaitingCallback() => Awaiting;

    /// <summary>
    /// An attempt the host stopped: <c>States.Timeout</c> (ran past <c>TimeoutSeconds</c>) or
    /// <c>States.HeartbeatTimeout</c> (no heartbeat within <c>HeartbeatSeconds</c>).
    /// </summary>
    /// <param name="heartbeat">Whether the heartbeat, not the overall timeout, ran out.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome TimedOut(bool heartbeat) =>
        new(null, new AslError(heartbeat ? StatesErrorNames.HeartbeatTimeout : StatesErrorNames.Timeout, null), isTimeout: true);
}
