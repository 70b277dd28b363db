namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>UpdateStateMachineAlias's request: a new description, routing configuration, or both.</summary>
/// <param name="StateMachineAliasArn">The alias ARN.</param>
/// <param name="Description">The new description.</param>
/// <param name="RoutingConfiguration">The new routing configuration.</param>
public sealed record UpdateStateMachineAliasRequest(string? StateMachineAliasArn, string? Description, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration);
