namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of an alias's <c>routingConfiguration</c>.</summary>
/// <param name="StateMachineVersionArn">The version.</param>
/// <param name="Weight">The share of executions it gets (0-100).</param>
public sealed record RoutingConfigurationListItem(string? StateMachineVersionArn, int? Weight);
