namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeStateMachineForExecution's response: the state machine as the execution started it.</summary>
/// <param name="StateMachineArn">The ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Definition">The definition text.</param>
/// <param name="RoleArn">The role ARN.</param>
/// <param name="UpdateDate">When that revision was made (the creation date when never updated).</param>
/// <param name="LoggingConfiguration">The logging configuration.</param>
/// <param name="TracingConfiguration">The tracing configuration.</param>
/// <param name="RevisionId">The revision id, when updated.</param>
public sealed record DescribeStateMachineForExecutionResponse(
    string StateMachineArn, string Name, string Definition, string RoleArn, DateTimeOffset UpdateDate,
    LoggingConfiguration LoggingConfiguration, TracingConfiguration TracingConfiguration, string? RevisionId)
{
    /// <summary>Gets state name → the workflow variables the state reads; absent when no state reads one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? VariableReferences { get; init; }
}
