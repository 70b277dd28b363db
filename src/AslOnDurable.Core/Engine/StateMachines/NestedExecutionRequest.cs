using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.StateMachines;

/// <summary>
/// A child execution a Task state asked for, with its definition resolved: what a host starts (in memory: a nested
/// interpreter run; durably: a sub-orchestration). Produced by <see cref="StartExecutionTaskHandler"/>.
/// </summary>
public sealed record NestedExecutionRequest
{
    /// <summary>Gets the child's state machine.</summary>
    public required StateMachineArn StateMachine { get; init; }

    /// <summary>Gets the child's definition text.</summary>
    public required string Definition { get; init; }

    /// <summary>Gets the child's input (<c>{}</c> when the Task gave none).</summary>
    public JsonNode? Input { get; init; }

    /// <summary>Gets the child's input as AWS records it (compact JSON text, or the string the Task passed).</summary>
    public required string InputText { get; init; }

    /// <summary>Gets the execution name the Task gave, or <see langword="null"/> for one the host makes (a UUID).</summary>
    public string? Name { get; init; }

    /// <summary>Gets whether and how the parent waits.</summary>
    public NestedExecutionPattern Pattern { get; init; }
}
