using AslOnDurable.Runtime.Api.Contracts;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One alias of a state machine: a name that routes executions to one or two of its versions by weight.</summary>
/// <param name="Arn">The alias ARN (<c>…:stateMachine:name:alias</c>).</param>
/// <param name="StateMachineArn">The state machine's ARN.</param>
/// <param name="Name">The alias name.</param>
/// <param name="Description">The description, or <c>null</c>.</param>
/// <param name="RoutingConfiguration">The versions and their weights (summing to 100).</param>
/// <param name="CreationDate">When it was created.</param>
public sealed record StateMachineAliasRecord(
    string Arn, string StateMachineArn, string Name, string? Description, IReadOnlyList<RoutingConfigurationListItem> RoutingConfiguration, DateTimeOffset CreationDate)
{
    /// <summary>Gets when it was last updated, or <c>null</c>.</summary>
    public DateTimeOffset? UpdateDate { get; init; }
}
