using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.Choice;

/// <summary>A top-level entry of a Choice state's <c>Choices</c>: a condition and where it leads.</summary>
public sealed record ChoiceRule
{
    /// <summary>The condition to test.</summary>
    public required ChoiceCondition Condition { get; init; }

    /// <summary>The state to go to when the condition holds.</summary>
    public required string Next { get; init; }

    /// <summary>JSONata <c>Output</c> of the rule, or <see langword="null"/>.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>Whether <c>Output</c> is present (tells <c>"Output": null</c> from no <c>Output</c>).</summary>
    public bool HasOutput { get; init; }

    /// <summary><c>Assign</c> of the rule, or <see langword="null"/>.</summary>
    public JsonObject? Assign { get; init; }

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }
}
