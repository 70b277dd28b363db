namespace AslOnDurable.Runtime.Observability;

/// <summary>What identifies one execution in its telemetry.</summary>
/// <param name="Key">Where its trace is kept while it runs: the durable instance id, or the ARN in memory.</param>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineName">The state machine name.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of whatever started it (a request, a parent task), or <see langword="null"/>.</param>
public sealed record ExecutionLabels(string Key, string ExecutionArn, string StateMachineName, string? TraceParent)
{
    /// <summary>The state machine's <c>loggingConfiguration.level</c> (ALL, ERROR, FATAL, OFF); <see langword="null"/> is OFF.</summary>
    public string? LogLevel { get; init; }

    /// <summary>The state machine's <c>loggingConfiguration.includeExecutionData</c>.</summary>
    public bool LogExecutionData { get; init; }
}
