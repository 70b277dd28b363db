namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One published version of a state machine: an immutable snapshot of a revision.</summary>
/// <param name="Arn">The version ARN (<c>…:stateMachine:name:N</c>).</param>
/// <param name="Number">The version number (1, 2, …; never reused).</param>
/// <param name="Snapshot">The state machine as it stood when published.</param>
/// <param name="Description">The version's description, or <c>null</c>.</param>
/// <param name="CreationDate">When it was published.</param>
public sealed record StateMachineVersionRecord(string Arn, int Number, StateMachineRecord Snapshot, string? Description, DateTimeOffset CreationDate);
