using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine;

/// <summary>
/// Where a top-level run stopped when its host asked for a checkpoint (<see cref="IExecutionHost.ShouldCheckpoint"/>):
/// everything <see cref="Interpreter.ResumeAsync"/> needs to go on exactly as if the run had never stopped. It holds
/// only JSON values, strings, numbers and a time, so a host can store it (the durable orchestrator passes it to
/// ContinueAsNew).
/// </summary>
/// <remarks>
/// Checkpoints are taken only between two top-level states: no Parallel branch, Map iteration, Retry wait or task
/// is open then, so nothing else needs saving. The execution input (<c>$$.Execution.Input</c>) is not part of it:
/// the resuming caller passes the original request again.
/// </remarks>
public sealed record ExecutionCheckpoint
{
    /// <summary>Gets the name of the state to enter next.</summary>
    public required string StateName { get; init; }

    /// <summary>Gets that state's input (handed over to the engine on resume, which may mutate it).</summary>
    public JsonNode? StateInput { get; init; }

    /// <summary>
    /// Gets the top-level workflow variables by name, in assignment order, or <see langword="null"/> when none is set
    /// (handed over to the engine on resume).
    /// </summary>
    public JsonObject? Variables { get; init; }

    /// <summary>Gets when the execution started (<c>$$.Execution.StartTime</c>; the TimeoutSeconds deadline counts from it).</summary>
    public required DateTimeOffset StartTime { get; init; }

    /// <summary>Gets the execution name (<c>$$.Execution.Name</c>).</summary>
    public required string ExecutionName { get; init; }

    /// <summary>Gets the id of the last history event recorded (the next one gets this id + 1).</summary>
    public long LastEventId { get; init; }

    /// <summary>Gets the id of the top-level chain's last event (the next event's previous event id).</summary>
    public long PreviousEventId { get; init; }

    /// <summary>Gets the steps counted so far against <see cref="ExecutionOptions.MaxStateTransitions"/>.</summary>
    public long Steps { get; init; }

    /// <summary>Gets how many times the execution has been redriven (<c>$$.Execution.RedriveCount</c>; 0 when never).</summary>
    public int RedriveCount { get; init; }

    /// <summary>
    /// Gets when the execution was last redriven (<c>$$.Execution.RedriveTime</c>), or <see langword="null"/> when never.
    /// </summary>
    /// <remarks>AWS resets the state machine's TimeoutSeconds on a redrive: the deadline counts from this time then.</remarks>
    public DateTimeOffset? RedriveTime { get; init; }

    /// <summary>
    /// Gets whether resuming from this checkpoint is a redrive (RedriveExecution): the run records
    /// <c>ExecutionRedriven</c> before it enters <see cref="StateName"/> again. Checkpoints the engine returns never set it.
    /// </summary>
    public bool IsRedrive { get; init; }

    /// <summary>
    /// Gets, on a redrive whose state <see cref="StateName"/> is a Distributed Map that started a map run, that map run's
    /// ARN: the Map redrives it (only its unsuccessful children run again) instead of starting a new one.
    /// </summary>
    public string? RedriveMapRunArn { get; init; }

    /// <summary>Gets how many times <see cref="RedriveMapRunArn"/> was redriven before this redrive (0 the first time).</summary>
    public int RedriveMapRunCount { get; init; }

    /// <summary>
    /// Gets, on a redrive whose state <see cref="StateName"/> is a Parallel or inline Map, what its last attempt left: the
    /// outputs of the branches/iterations that succeeded (not run again) and where each unsuccessful one resumes, nested
    /// for a Parallel/Map inside them (built by <see cref="History.RedriveCheckpoints"/>; handed over to the engine).
    /// </summary>
    public JsonObject? RedriveChildren { get; init; }
}
