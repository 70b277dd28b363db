namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UpdateStateMachine's request: at least one of the definition, role, logging or tracing configuration.</summary>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Definition">A new definition.</param>
/// <param name="RoleArn">A new role.</param>
/// <param name="LoggingConfiguration">A new logging configuration.</param>
/// <param name="TracingConfiguration">A new tracing configuration.</param>
public sealed record UpdateStateMachineRequest(
    string? StateMachineArn, string? Definition, string? RoleArn, LoggingConfiguration? LoggingConfiguration, TracingConfiguration? TracingConfiguration)
{
    /// <summary>Gets whether to publish the result as a new version.</summary>
    public bool? Publish { get; init; }

    /// <summary>Gets the new version's description (with <see cref="Publish"/>).</summary>
    public string? VersionDescription { get; init; }

    /// <summary>Gets the encryption settings (only <c>AWS_OWNED_KEY</c> is available here).</summary>
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}
