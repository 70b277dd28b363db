namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeExecution's response.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it closed.</param>
/// <param name="Input">The input text.</param>
/// <param name="InputDetails">Whether the input is included.</param>
/// <param name="Output">The output text, once succeeded.</param>
/// <param name="OutputDetails">Whether the output is included (with the output).</param>
/// <param name="Error">The error name of a failed, timed-out or aborted execution.</param>
/// <param name="Cause">Its cause.</param>
public sealed record DescribeExecutionResponse(
    string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate,
    string Input, PayloadDetails InputDetails, string? Output, PayloadDetails? OutputDetails, string? Error, string? Cause)
{
    /// <summary>Gets the version the execution runs, when started by a version or alias ARN.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>Gets the alias it was started by.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Gets how many times it was redriven (STANDARD executions).</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Gets when it was last redriven, if ever.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>Gets whether RedriveExecution would accept it now: REDRIVABLE or NOT_REDRIVABLE (STANDARD executions).</summary>
    public string? RedriveStatus { get; init; }

    /// <summary>Gets why it is NOT_REDRIVABLE.</summary>
    public string? RedriveStatusReason { get; init; }
}
