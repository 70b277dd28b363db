using System.Collections.Immutable;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.Map;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Map</c> state (inline or distributed): runs its item processor once per item.</summary>
/// <remarks>The legacy <c>Iterator</c> is parsed into <see cref="ItemProcessor"/> and legacy <c>Parameters</c> into <see cref="ItemSelector"/>.</remarks>
public sealed record MapState : StateDefinition
{
    /// <summary>The item processor (<c>ItemProcessor</c> or legacy <c>Iterator</c>).</summary>
    public required StateMachineDefinition ItemProcessor { get; init; }

    /// <summary>The <c>ProcessorConfig</c> (inline by default).</summary>
    public ProcessorConfig ProcessorConfig { get; init; } = new();

    /// <summary>JSONPath <c>ItemsPath</c>; <c>"$"</c> when absent.</summary>
    public string? ItemsPath { get; init; } = "$";

    /// <summary>JSONata <c>Items</c>: an array, or a JSONata expression string.</summary>
    public JsonNode? Items { get; init; }

    /// <summary><c>ItemSelector</c> (or legacy <c>Parameters</c>) template, or <see langword="null"/>.</summary>
    public JsonNode? ItemSelector { get; init; }

    /// <summary>The JSONata <c>Arguments</c> template (distributed map reader arguments), or <see langword="null"/>.</summary>
    public JsonNode? Arguments { get; init; }

    /// <summary><c>ItemReader</c>, or <see langword="null"/>.</summary>
    public ItemReader? ItemReader { get; init; }

    /// <summary><c>ItemBatcher</c>, or <see langword="null"/>.</summary>
    public ItemBatcher? ItemBatcher { get; init; }

    /// <summary><c>ResultWriter</c>, or <see langword="null"/>.</summary>
    public ResultWriter? ResultWriter { get; init; }

    /// <summary><c>MaxConcurrency</c>: a number, or a JSONata expression string; <see langword="null"/> = 0 (unlimited).</summary>
    public JsonNode? MaxConcurrency { get; init; }

    /// <summary><c>MaxConcurrencyPath</c>.</summary>
    public string? MaxConcurrencyPath { get; init; }

    /// <summary><c>ToleratedFailurePercentage</c>: a number, or a JSONata expression string.</summary>
    public JsonNode? ToleratedFailurePercentage { get; init; }

    /// <summary><c>ToleratedFailurePercentagePath</c>.</summary>
    public string? ToleratedFailurePercentagePath { get; init; }

    /// <summary><c>ToleratedFailureCount</c>: a number, or a JSONata expression string.</summary>
    public JsonNode? ToleratedFailureCount { get; init; }

    /// <summary><c>ToleratedFailureCountPath</c>.</summary>
    public string? ToleratedFailureCountPath { get; init; }

    /// <summary>The distributed map <c>Label</c>.</summary>
    public string? Label { get; init; }

    /// <summary>The <c>ResultSelector</c> template, or <see langword="null"/>.</summary>
    public JsonNode? ResultSelector { get; init; }

    /// <summary><c>ResultPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? ResultPath { get; init; } = "$";

    /// <summary>The retriers in order.</summary>
    public ImmutableArray<Retrier> Retry { get; init; } = [];

    /// <summary>The catchers in order.</summary>
    public ImmutableArray<Catcher> Catch { get; init; } = [];

    /// <inheritdoc/>
    public override string Type => "Map";
}
