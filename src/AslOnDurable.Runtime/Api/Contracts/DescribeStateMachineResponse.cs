namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>DescribeStateMachine's response (also DescribeStateMachineForExecution's fields).</summary>
/// <param name="StateMachineArn">The ARN.</param>
/// <param name="Name">The name.</param>
/// <param name="Status">ACTIVE.</param>
/// <param name="Definition">The definition text.</param>
/// <param name="RoleArn">The role ARN.</param>
/// <param name="Type">STANDARD or EXPRESS.</param>
/// <param name="CreationDate">When it was created.</param>
/// <param name="LoggingConfiguration">The logging configuration.</param>
/// <param name="TracingConfiguration">The tracing configuration.</param>
/// <param name="RevisionId">The revision id after an update, else absent.</param>
public sealed record DescribeStateMachineResponse(
    string StateMachineArn, string Name, string Status, string Definition, string RoleArn, string Type, DateTimeOffset CreationDate,
    LoggingConfiguration LoggingConfiguration, TracingConfiguration TracingConfiguration, string? RevisionId)
{
    /// <summary>Gets a version's description (DescribeStateMachine by version ARN).</summary>
    public string? Description { get; init; }

    /// <summary>Gets state name → the workflow variables the state reads; absent when no state reads one.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? VariableReferences { get; init; }
}
