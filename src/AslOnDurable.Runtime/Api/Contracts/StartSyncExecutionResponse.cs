namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>StartSyncExecution's response.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it ended.</param>
/// <param name="Status">SUCCEEDED, FAILED or TIMED_OUT.</param>
/// <param name="Input">The input text.</param>
/// <param name="InputDetails">Whether the input is included.</param>
/// <param name="Output">The output text, when succeeded.</param>
/// <param name="OutputDetails">Whether the output is included.</param>
/// <param name="Error">The error name, when failed.</param>
/// <param name="Cause">Its cause.</param>
public sealed record StartSyncExecutionResponse(
    string ExecutionArn, string StateMachineArn, string Name, DateTimeOffset StartDate, DateTimeOffset StopDate, string Status,
    string Input, PayloadDetails InputDetails, string? Output, PayloadDetails? OutputDetails, string? Error, string? Cause);
