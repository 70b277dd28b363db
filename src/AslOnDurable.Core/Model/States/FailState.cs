using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Fail</c> state: ends the execution with an error and a cause.</summary>
public sealed record FailState : StateDefinition
{
    /// <summary><c>Error</c>: a string, or a JSONata expression string.</summary>
    public JsonNode? Error { get; init; }

    /// <summary><c>ErrorPath</c> (a reference path or intrinsic function).</summary>
    public string? ErrorPath { get; init; }

    /// <summary><c>Cause</c>: a string, or a JSONata expression string.</summary>
    public JsonNode? Cause { get; init; }

    /// <summary><c>CausePath</c> (a reference path or intrinsic function).</summary>
    public string? CausePath { get; init; }

    /// <inheritdoc/>
    public override string Type => "Fail";
}
