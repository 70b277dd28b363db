using AslOnDurable.Core.Model;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// What the host cannot serve in a valid definition: the integrations' warnings (<see cref="IntegrationWarnings"/>, when
/// the host has integrations). AWS's CreateStateMachine and UpdateStateMachine answer no warnings, so they log them;
/// ValidateStateMachineDefinition returns them as <c>WARNING</c> diagnostics.
/// </summary>
/// <param name="loggers">Creates the logger CreateStateMachine and UpdateStateMachine report warnings to
/// (<see cref="TelemetryNames.DefinitionWarningsCategory"/>), or <see langword="null"/> (not logged).</param>
/// <param name="arns">Reads activity ARNs (activities are served by the API, not the integrations).</param>
/// <param name="integrations">The host's integrations, or <see langword="null"/> (no such warnings).</param>
internal sealed class DefinitionWarnings(ResourceArns arns, ILoggerFactory? loggers = null, IntegrationWarnings? integrations = null)
{
    private readonly ILogger logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger(TelemetryNames.DefinitionWarningsCategory);

    /// <summary>The warnings for a parsed definition.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>The warnings, in definition order.</returns>
    public IReadOnlyList<Diagnostic> Of(StateMachineDefinition definition) => integrations?.Check(definition, arns.IsActivity) ?? [];

    /// <summary>Logs the warnings of a definition CreateStateMachine or UpdateStateMachine accepted.</summary>
    /// <param name="stateMachineArn">The state machine.</param>
    /// <param name="definition">The definition text (already checked for errors).</param>
    public void Log(string stateMachineArn, string definition)
    {
        if (integrations is null || DefinitionParser.Parse(definition).Definition is not { } parsed)
        {
            return;
        }

        foreach (Diagnostic warning in Of(parsed))
        {
            Runtime.Log.DefinitionWarning(logger, stateMachineArn, warning.Code, warning.Location, warning.Message);
        }
    }
}
