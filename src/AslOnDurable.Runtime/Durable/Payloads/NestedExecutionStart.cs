using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// A child execution a Task state asked for (<c>states:startExecution</c>), its definition resolved by the task
/// activity so that the text is in history and replays never consult the registry.
/// </summary>
/// <param name="StateMachineArn">The child's state machine ARN.</param>
/// <param name="Definition">The child's definition text.</param>
/// <param name="InputText">The child's input as AWS records it (JSON text).</param>
/// <param name="Pattern">How the parent waits: <c>startExecution</c>, <c>sync</c> or <c>sync:2</c>.</param>
public sealed record NestedExecutionStart(string StateMachineArn, string Definition, string InputText, string Pattern)
{
    /// <summary>Gets the child's input (<c>null</c> also for JSON null).</summary>
    public JsonNode? Input { get; init; }

    /// <summary>Gets the execution name the Task gave, if any (else the orchestrator makes a replay-safe one).</summary>
    public string? Name { get; init; }
}
