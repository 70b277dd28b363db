using System.Collections.Immutable;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation;

namespace AslOnDurable.Core.Parsing;

/// <summary>The outcome of parsing and validating a definition.</summary>
/// <param name="Definition">The definition, or <see langword="null"/> when it has errors.</param>
/// <param name="Diagnostics">Every problem found (errors and warnings): shape problems in document order, then the results of the semantic rules.</param>
public sealed record ParseResult(StateMachineDefinition? Definition, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether the definition parsed without errors.</summary>
    public bool IsValid => Definition is not null;
}
