using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Model.States;

/// <summary>
/// The root of the closed hierarchy of state records. Fields that several state types share live here;
/// the validator decides which fields each type and query language may carry.
/// </summary>
/// <remarks>
/// Path fields use <see langword="null"/> for an explicit JSON <c>null</c> (AWS: discard / pass <c>{}</c>) and
/// default to <c>"$"</c> when absent, so the engine never has to tell "absent" from "default".
/// JSON values that may be JSONata templates (<c>{% ... %}</c>) are kept as raw, never-mutated <see cref="JsonNode"/>s.
/// </remarks>
public abstract record StateDefinition
{
    /// <summary>The state's name (its key in <c>States</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The JSON Pointer of the state object inside the document, for diagnostics.</summary>
    public string Location { get; init; } = "";

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }

    /// <summary>The effective query language (the state's own, else the enclosing definition's).</summary>
    public QueryLanguage QueryLanguage { get; init; } = QueryLanguage.JSONPath;

    /// <summary>The next state, or <see langword="null"/> for terminal states and Choice/Succeed/Fail.</summary>
    public string? Next { get; init; }

    /// <summary>Whether the state ends the execution (<c>"End": true</c>).</summary>
    public bool End { get; init; }

    /// <summary>JSONPath <c>InputPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? InputPath { get; init; } = "$";

    /// <summary>JSONPath <c>OutputPath</c>; <c>"$"</c> when absent, <see langword="null"/> when explicitly null.</summary>
    public string? OutputPath { get; init; } = "$";

    /// <summary>JSONata <c>Output</c> template, or <see langword="null"/> when absent.</summary>
    public JsonNode? Output { get; init; }

    /// <summary>
    /// Whether <c>Output</c> is present (tells <c>"Output": null</c>, which makes the output JSON <c>null</c>, from no
    /// <c>Output</c>, which passes the result or input on).
    /// </summary>
    public bool HasOutput { get; init; }

    /// <summary>The <c>Assign</c> object (both query languages), or <see langword="null"/> when absent.</summary>
    public JsonObject? Assign { get; init; }

    /// <summary>The ASL <c>Type</c> name of this state.</summary>
    public abstract string Type { get; }
}
