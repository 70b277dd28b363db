namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>StartExecution's and StartSyncExecution's request.</summary>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The execution name (a UUID when absent).</param>
/// <param name="Input">The input as JSON text (<c>{}</c> when absent).</param>
/// <param name="TraceHeader">The X-Ray trace header (kept out of the run).</param>
public sealed record StartExecutionRequest(string? StateMachineArn, string? Name, string? Input, string? TraceHeader);
