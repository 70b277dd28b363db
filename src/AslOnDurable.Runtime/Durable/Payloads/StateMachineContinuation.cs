using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// Where a continued-as-new execution resumes (an optional field of <see cref="StateMachineInput"/>, stored in durable
/// history): the engine's checkpoint between two top-level states, plus what the durable host itself carries across
/// generations.
/// </summary>
/// <param name="Generation">How many times the execution has continued as new (1 for the second generation).</param>
/// <param name="State">The name of the top-level state to enter next.</param>
/// <param name="StartTime">When the execution started (<c>$$.Execution.StartTime</c>; the TimeoutSeconds deadline counts from it).</param>
/// <param name="ExecutionName">The execution name (<c>$$.Execution.Name</c>).</param>
/// <param name="LastEventId">The id of the last ASL history event recorded.</param>
/// <param name="PreviousEventId">The id of the top-level chain's last ASL history event.</param>
[JsonConverter(typeof(StateMachineContinuationConverter))]
public sealed record StateMachineContinuation(int Generation, string State, DateTimeOffset StartTime, string ExecutionName, long LastEventId, long PreviousEventId)
{
    /// <summary>Gets the next state's input (<c>null</c> also for JSON null).</summary>
    public JsonNode? StateInput { get; init; }

    /// <summary>Gets the top-level workflow variables by name, or <c>null</c> when none is set.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>
    /// Gets the time the virtual clock had skipped ahead of orchestration time, in ticks (skip-waits mode only;
    /// absent means none), so <c>$$</c> times never go back across generations.
    /// </summary>
    public long? SkippedTicks { get; init; }

    /// <summary>Gets the states entered plus retries so far, against the execution's transition limit (absent: 0).</summary>
    public long? Steps { get; init; }

    /// <summary>Gets how many times the execution has been redriven (absent: never).</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Gets when it was last redriven (absent: never); the TimeoutSeconds deadline counts from it then.</summary>
    public DateTimeOffset? RedriveTime { get; init; }

    /// <summary>
    /// Gets whether this generation is a redrive (RedriveExecution started it on the closed instance): the engine records
    /// ExecutionRedriven before it enters <see cref="State"/> again. Absent for every other generation.
    /// </summary>
    public bool? Redrive { get; init; }

    /// <summary>Gets, on a redrive of a Distributed Map state, the map run it redrives (absent otherwise).</summary>
    public string? RedriveMapRunArn { get; init; }

    /// <summary>Gets how many times that map run was redriven before (absent: never).</summary>
    public int? RedriveMapRunCount { get; init; }

    /// <summary>
    /// Gets, on a redrive of a Parallel or inline Map state, the outputs of its branches/iterations kept and where the
    /// others resume (<c>ExecutionCheckpoint.RedriveChildren</c>; absent otherwise).
    /// </summary>
    public JsonObject? RedriveChildren { get; init; }
}
