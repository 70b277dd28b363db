using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.ErrorHandling;

/// <summary>One <c>Catch</c> rule.</summary>
public sealed record Catcher
{
    /// <summary>The error names this catcher matches.</summary>
    public required ImmutableArray<string> ErrorEquals { get; init; }

    /// <summary>The state to go to.</summary>
    public required string Next { get; init; }

    /// <summary><c>ResultPath</c> for the error output; <c>"$"</c> when absent, <see langword="null"/> when null.</summary>
    public string? ResultPath { get; init; } = "$";

    /// <summary>JSONata <c>Output</c>, or <see langword="null"/>.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Whether <c>Output</c> is present (tells <c>"Output": null</c> from no <c>Output</c>).</summary>
    public bool HasOutput { get; init; }

    /// <summary><c>Assign</c>, or <see langword="null"/>.</summary>
    public JsonObject? Assign { get; init; }

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }
}
