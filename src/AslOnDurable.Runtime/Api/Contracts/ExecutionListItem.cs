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
    /// <summary>Gets the map run that started the execution (only when listing by <c>mapRunArn</c>, as AWS does).</summary>
    public string? MapRunArn { get; init; }
}
