namespace AslOnDurable.Runtime.Executions;

/// <summary>The state of one durable instance at one moment.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Name">The orchestrator name.</param>
/// <param name="Status">The runtime status.</param>
/// <param name="CreatedAt">When the instance was created.</param>
/// <param name="LastUpdatedAt">When the instance last changed.</param>
public sealed record ExecutionSnapshot(
    string InstanceId,
    string Name,
    ExecutionRuntimeStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt)
{
    /// <summary>Gets the input as JSON text, or <c>null</c>.</summary>
    public string? InputJson { get; init; }

    /// <summary>Gets the output as JSON text, or <c>null</c> (always <c>null</c> until completed).</summary>
    public string? OutputJson { get; init; }

    /// <summary>Gets the custom status as JSON text, or <c>null</c> (a map run's record while it runs).</summary>
    public string? CustomStatusJson { get; init; }

    /// <summary>Gets the failure, when <see cref="Status"/> is <see cref="ExecutionRuntimeStatus.Failed"/>.</summary>
    public ExecutionFailure? Failure { get; init; }

    /// <summary>Gets a value indicating whether the instance will not run again.</summary>
    public bool IsTerminal => Status is ExecutionRuntimeStatus.Completed or ExecutionRuntimeStatus.Failed
        or ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled;
}
