using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>The outcome of one execution.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Output">The output when it succeeded.</param>
/// <param name="Error">The error when it failed or timed out (either field may be null, as in AWS).</param>
public sealed record ExecutionResult(ExecutionStatus Status, JsonNode? Output, AslError? Error)
{
    /// <summary>Gets where to resume when <see cref="Status"/> is <see cref="ExecutionStatus.ContinuedAsNew"/>.</summary>
    public ExecutionCheckpoint? Checkpoint { get; init; }

    /// <summary>AWS's status text (<c>SUCCEEDED</c>, <c>FAILED</c>, <c>TIMED_OUT</c>, <c>ABORTED</c>; <c>RUNNING</c> for a checkpoint).</summary>
    public string StatusName => Status switch
    {
        ExecutionStatus.ContinuedAsNew => "RUNNING",
        ExecutionStatus.Succeeded => "SUCCEEDED",
        ExecutionStatus.Failed => "FAILED",
        ExecutionStatus.TimedOut => "TIMED_OUT",
        _ => "ABORTED",
    };
}
