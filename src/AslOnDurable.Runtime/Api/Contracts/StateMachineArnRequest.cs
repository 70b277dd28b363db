namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>The request of actions that name one state machine (DeleteStateMachine).</summary>
/// <param name="StateMachineArn">The state machine ARN.</param>
public sealed record StateMachineArnRequest(string? StateMachineArn);
