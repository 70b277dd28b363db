using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>How one frame (top level, branch or iteration) ended.</summary>
/// <param name="Status">Succeeded, Failed, TimedOut (execution deadline) or Aborted (a sibling failed).</param>
/// <param name="Output">The output when it succeeded (owned by the receiver).</param>
/// <param name="Error">The error when it failed.</param>
/// <param name="NextIndex">The state to resume at when the top level stopped at a checkpoint (its input is <paramref name="Output"/>).</param>
internal readonly record struct BranchOutcome(ExecutionStatus Status, JsonNode? Output, AslError? Error, int NextIndex = -1)
{
    private readonly long outputBound; // PayloadBound.Pack: 0 (default) for nothing

    /// <summary>What is known of <see cref="Output"/>'s size without measuring it, if anything (see <see cref="Lifecycle.PayloadBound"/>).</summary>
    public Lifecycle.PayloadBound? OutputBound
    {
        get => Lifecycle.PayloadBound.Unpack(outputBound);
        init => outputBound = Lifecycle.PayloadBound.Pack(value);
    }
}
