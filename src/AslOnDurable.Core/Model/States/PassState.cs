using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.States;

/// <summary>A <c>Pass</c> state: passes its input (or <c>Result</c>) to its output.</summary>
public sealed record PassState : StateDefinition
{
    /// <summary>The fixed <c>Result</c>, or <see langword="null"/> when absent.</summary>
    public JsonNode? Result { get; init; }

    /// <summary>Whether <c>Result</c> is present (tells <c>"Result": null</c> from no <c>Result</c>).</summary>
    public bool HasResult { get; init; }

    /// <summary>The JSONPath <c>Parameters</c> template, or <see langword="null"/> when absent.</summary>
    public JsonNode? Parameters { get; init; }

    /// <summary><c>ResultPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? ResultPath { get; init; } = "$";

    /// <inheritdoc/>
    public override string Type => "Pass";
}
