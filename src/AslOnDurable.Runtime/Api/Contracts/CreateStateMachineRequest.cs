namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateStateMachine's request.</summary>
/// <param name="Name">The name (1-80 characters, AWS's naming rules).</param>
/// <param name="Definition">The ASL definition text.</param>
/// <param name="RoleArn">The execution role ARN.</param>
/// <param name="Type">STANDARD (default) or EXPRESS.</param>
/// <param name="LoggingConfiguration">The logging configuration.</param>
/// <param name="TracingConfiguration">The tracing configuration.</param>
/// <param name="Tags">Tags.</param>
public sealed record CreateStateMachineRequest(
    string? Name, string? Definition, string? RoleArn, string? Type,
    LoggingConfiguration? LoggingConfiguration, TracingConfiguration? TracingConfiguration, IReadOnlyList<Tag>? Tags)
{
    /// <summary>Gets whether to publish the result as a new version.</summary>
    public bool? Publish { get; init; }

    /// <summary>Gets the new version's description (with <see cref="Publish"/>).</summary>
    public string? VersionDescription { get; init; }

    /// <summary>Gets the encryption settings (only <c>AWS_OWNED_KEY</c> is available here).</summary>
    public EncryptionConfiguration? EncryptionConfiguration { get; init; }
}
