using System.Collections.Immutable;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation.Rules;

namespace AslOnDurable.Core.Validation;

/// <summary>Runs the semantic rules (transitions, names, ranges, paths, expressions, variables) over a parsed definition.</summary>
public static class DefinitionValidator
{
    private static readonly IValidationRule[] Rules =
    [
        new TransitionRules(),
        new StateNameRules(),
        new ResourceRules(),
        new ErrorHandlingRules(),
        new NumericRangeRules(),
        new TimestampRules(),
        new PathSyntaxRules(),
        new JsonataRules(),
        new VariableRules(),
        new StaticValueRules(),
    ];

    /// <summary>Validates a definition (for example one built in code rather than parsed).</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>Every problem found.</returns>
    public static ImmutableArray<Diagnostic> Validate(StateMachineDefinition definition)
    {
        var diagnostics = new DiagnosticBag();
        Validate(definition, diagnostics);
        return diagnostics.ToImmutableArray();
    }

    /// <summary>Runs every rule, reporting into <paramref name="diagnostics"/>.</summary>
    internal static void Validate(StateMachineDefinition definition, DiagnosticBag diagnostics)
    {
        foreach (var rule in Rules)
        {
            rule.Check(definition, diagnostics);
        }
    }
}
