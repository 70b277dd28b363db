using AslOnDurable.Core.Model;

namespace AslOnDurable.Core.Validation;

/// <summary>One family of semantic checks over a parsed (possibly partial) definition.</summary>
internal interface IValidationRule
{
    /// <summary>Checks the whole definition, nested branches and item processors included.</summary>
    /// <param name="root">The top-level definition.</param>
    /// <param name="diagnostics">Where to report problems.</param>
    void Check(StateMachineDefinition root, DiagnosticBag diagnostics);
}
