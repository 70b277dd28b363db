using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Model;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Integrations.DotNet;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// A host's integrations as a definition check (<see cref="IntegrationDiagnostics.Check"/> over the registry Task states
/// run through): the Step Functions API adds these warnings to ValidateStateMachineDefinition and logs them on
/// CreateStateMachine and UpdateStateMachine.
/// </summary>
/// <param name="registry">The integrations Task states run through.</param>
/// <param name="configuration">Their configuration.</param>
/// <param name="handlers">The .NET handlers.</param>
public sealed class IntegrationWarnings(TaskHandlerRegistry registry, IntegrationsConfiguration configuration, DotNetHandlers handlers)
{
    /// <summary>Every Task state of the definition the integrations cannot serve.</summary>
    /// <param name="definition">The parsed definition.</param>
    /// <param name="servedElsewhere">Resources the host serves outside the integrations (activities), or <see langword="null"/>.</param>
    /// <returns>Warnings (<see cref="IntegrationDiagnostics.UnconfiguredResource"/>), in definition order.</returns>
    public IReadOnlyList<Diagnostic> Check(StateMachineDefinition definition, Func<string, bool>? servedElsewhere = null) =>
        IntegrationDiagnostics.Check(definition, registry, configuration, handlers, servedElsewhere);
}
