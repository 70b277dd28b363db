using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One registered state machine, as its latest revision stands.</summary>
/// <param name="Arn">The state machine ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Type">STANDARD or EXPRESS.</param>
/// <param name="Definition">The ASL definition text, exactly as given.</param>
/// <param name="RoleArn">The execution role ARN.</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record StateMachineRecord(string Arn, string Name, string Type, string Definition, string RoleArn, DateTimeOffset CreationDate)
{
    /// <summary>Gets the logging configuration.</summary>
    public LoggingConfiguration Logging { get; init; } = LoggingConfiguration.Off;

    /// <summary>Gets the tracing configuration.</summary>
    public TracingConfiguration Tracing { get; init; } = new(false);

    /// <summary>Gets when it was last updated, or <c>null</c> if never.</summary>
    public DateTimeOffset? UpdateDate { get; init; }

    /// <summary>Gets the revision id of the latest update, or <c>null</c> before the first update (AWS reports none then).</summary>
    public string? RevisionId { get; init; }

    /// <summary>Gets the number of the last version published (0 before the first; numbers are never reused).</summary>
    public int LastVersion { get; init; }

    /// <summary>Gets the tags given at creation.</summary>
    public IReadOnlyList<Tag> Tags { get; init; } = [];
}
