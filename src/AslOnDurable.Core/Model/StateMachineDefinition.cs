using System.Collections.Frozen;
using System.Collections.Immutable;
using AslOnDurable.Core.Model.States;

namespace AslOnDurable.Core.Model;

/// <summary>
/// A parsed state machine: the top-level definition, a Parallel branch or a Map item processor.
/// Immutable and shared across threads and replays once parsed.
/// </summary>
public sealed record StateMachineDefinition
{
    /// <summary>The name of the first state to run.</summary>
    public required string StartAt { get; init; }

    /// <summary>The states by name.</summary>
    public required FrozenDictionary<string, StateDefinition> States { get; init; }

    /// <summary>The state names in document order (for deterministic diagnostics and history).</summary>
    public required ImmutableArray<string> StateNames { get; init; }

    /// <summary>The optional comment.</summary>
    public string? Comment { get; init; }

    /// <summary>The optional <c>Version</c> field (AWS accepts only "1.0").</summary>
    public string? Version { get; init; }

    /// <summary>Execution-level <c>TimeoutSeconds</c>, top level only.</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>The query language declared at this level (states inherit it unless they override it).</summary>
    public QueryLanguage QueryLanguage { get; init; } = QueryLanguage.JSONPath;

    /// <summary>The JSON Pointer of this definition inside the document ("" for the top level).</summary>
    public string Location { get; init; } = "";
}
