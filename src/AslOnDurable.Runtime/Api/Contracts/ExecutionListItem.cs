namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>One entry of ListExecutions.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Status">The status.</param>
/// <param name="StartDate">When it started.</param>
/// <param name="StopDate">When it closed.</param>
public sealed record ExecutionListItem(string ExecutionArn, string StateMachineArn, string Name, string Status, DateTimeOffset StartDate, DateTimeOffset? StopDate)
{
    /// <summary>Gets how many times it was redriven (STANDARD executions).</summary>
    public int? RedriveCount { get; init; }

    /// <summary>Gets when it was last redriven, if ever.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>Gets the version the execution was started by (directly or through an alias), or <c>null</c>.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>Gets the alias the execution was started by, or <c>null</c>.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Gets the map run that started the execution (only when listing by <c>mapRunArn</c>, as AWS does).</summary>
    public string? MapRunArn { get; init; }
}
