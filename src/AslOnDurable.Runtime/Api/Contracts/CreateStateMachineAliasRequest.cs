namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>CreateStateMachineAlias's request.</summary>
/// <param name="Name">The alias name (1-80 letters, digits, <c>_ . -</c>, not only digits).</param>
/// <param name="Description">The description.</param>
/// <param name="RoutingConfiguration">One or two versions of one state machine, weights summing to 100.</param>
public sealed record CreateStateMachineAliasRequest(string? Name, string? Description, IReadOnlyList<RoutingConfigurationListItem>? RoutingConfiguration);
