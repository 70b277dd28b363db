namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// A history sink that also keeps executions a parent started (<c>states:startExecution</c>, <c>.sync</c>, <c>.sync:2</c>)
/// where the API lists executions: <see cref="StateMachineOrchestrator"/> tells it once, in the child's first episode
/// (never while replaying), so orchestrator code itself does no I/O and an API host lists the child from its start.
/// </summary>
public interface INestedExecutionSink
{
    /// <summary>Keeps that a child execution started (best effort: a host that misses it finds the child on first lookup).</summary>
    /// <param name="start">What the child started with.</param>
    void Started(NestedExecutionStarted start);
}

/// <summary>What a child execution started with.</summary>
/// <param name="InstanceId">Its durable instance id (<c>&lt;machine&gt;:&lt;name&gt;</c>).</param>
/// <param name="StateMachineName">Its state machine's name.</param>
/// <param name="ExecutionName">Its execution name.</param>
/// <param name="Definition">The definition it runs.</param>
/// <param name="InputJson">Its input as JSON text.</param>
/// <param name="RoleArn">Its role ARN, when given.</param>
/// <param name="StartDate">When it started.</param>
public sealed record NestedExecutionStarted(
    string InstanceId, string StateMachineName, string ExecutionName, string Definition, string InputJson, string? RoleArn, DateTimeOffset StartDate);
