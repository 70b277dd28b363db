using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// Result of one <see cref="Activities.StateMachineTaskActivity"/> call. Every way a task handler can end is a value,
/// so the orchestrator reproduces exactly what the in-memory engine does with the same handler.
/// </summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="Outcome">One of the <see cref="TaskActivityOutcomes"/> names.</param>
public sealed record TaskActivityResult(int Version, string Outcome)
{
    /// <summary>Gets the raw result when the outcome is <see cref="TaskActivityOutcomes.Succeeded"/>.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Gets the error name (failed or thrown).</summary>
    public string? Error { get; init; }

    /// <summary>Gets the cause (failed or thrown), or the exception message (crashed).</summary>
    public string? Cause { get; init; }

    /// <summary>Gets the child execution to start when the outcome is <see cref="TaskActivityOutcomes.StartExecution"/>.</summary>
    public NestedExecutionStart? StartExecution { get; init; }
}
