using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model.ErrorHandling;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Parallel</c> state: runs its branches concurrently on the same input.</summary>
public sealed record ParallelState : StateDefinition
{
    /// <summary>The branches, each a state machine.</summary>
    public ImmutableArray<StateMachineDefinition> Branches { get; init; } = [];

    /// <summary>The JSONPath <c>Parameters</c> template, or <see langword="null"/>.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary>The JSONata <c>Arguments</c> template, or <see langword="null"/>.</summary>
    public JsonNode? Arguments { get; init; }

    /// <summary>The <c>ResultSelector</c> template, or <see langword="null"/>.</summary>
    public JsonNode? ResultSelector { get; init; }

    /// <summary><c>ResultPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? ResultPath { get; init; } = "$";

    /// <summary>The retriers in order.</summary>
    public ImmutableArray<Retrier> Retry { get; init; } = [];

    /// <summary>The catchers in order.</summary>
    public ImmutableArray<Catcher> Catch { get; init; } = [];

    /// <inheritdoc/>
    public override string Type => "Parallel";
}
