namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeStateMachineAlias's response.</summary>
/// <param name="StateMachineAliasArn">The alias ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Description">The description.</param>
/// <param name="RoutingConfiguration">The versions and weights.</param>
/// <param name="CreationDate">When it was created.</param>
/// <param name="UpdateDate">When it was last updated.</param>
public sealed record DescribeStateMachineAliasResponse(
    string StateMachineAliasArn, string Name, string? Description, IReadOnlyList<RoutingConfigurationListItem> RoutingConfiguration,
    DateTimeOffset CreationDate, DateTimeOffset? UpdateDate);
