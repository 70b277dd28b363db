namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>PublishStateMachineVersion's request.</summary>
/// <param name="StateMachineArn">The state machine.</param>
/// <param name="RevisionId">The revision expected to be current (else ConflictException).</param>
/// <param name="Description">The version's description (at most 256 characters).</param>
public sealed record PublishStateMachineVersionRequest(string? StateMachineArn, string? RevisionId, string? Description);
