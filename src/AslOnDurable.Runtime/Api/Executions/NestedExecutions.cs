using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Executions a parent started (<c>states:startExecution</c>, <c>.sync</c>, <c>.sync:2</c>): they run on durable
/// instances named as API starts are (<c>&lt;machine&gt;:&lt;name&gt;</c>). The history store keeps each in the execution
/// index from its start (<see cref="INestedExecutionSink"/> → <see cref="ExecutionClosings.RecordNestedAsync"/>); a host
/// that missed it finds it the first time the API is asked about its ARN (DescribeExecution, GetExecutionHistory,
/// StopExecution, …): the record is built from the backend's instance (its start record) and added then. Both build the
/// record here (<see cref="RecordAsync"/>).
/// </summary>
internal static class NestedExecutions
{
    /// <summary>
    /// Keeps a child in the index as an execution of its registered state machine, with the definition, input and role
    /// it started with; nothing when its machine is not registered or is EXPRESS, or the instance is not named as the
    /// child's ARN says.
    /// </summary>
    /// <param name="machines">The state machine registry.</param>
    /// <param name="executions">The execution index.</param>
    /// <param name="arns">Builds the ARNs.</param>
    /// <param name="start">What the child started with.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The record the index holds for the child (added now or before), and whether it was added now; no record when not kept.</returns>
    public static async Task<(ExecutionRecord? Record, bool Added)> RecordAsync(
        IStateMachineStore machines, IExecutionIndex executions, ResourceArns arns, NestedExecutionStarted start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (start.InstanceId != start.StateMachineName + ":" + start.ExecutionName
            || await machines.GetAsync(arns.StateMachine(start.StateMachineName), cancellationToken).ConfigureAwait(false) is not { } machine
            || machine.Type == ApiResources.Express)
        {
            return (null, false);
        }

        ExecutionRecord record = new(
            arns.Execution(start.StateMachineName, start.ExecutionName), machine.Arn, start.ExecutionName, start.InstanceId, start.InputJson,
            DateTimeOffset.FromUnixTimeMilliseconds(start.StartDate.ToUnixTimeMilliseconds()),
            machine with { Definition = start.Definition, RoleArn = start.RoleArn ?? machine.RoleArn });
        ExecutionRecord stored = await executions.GetOrAddAsync(record, cancellationToken).ConfigureAwait(false);
        return (stored, ReferenceEquals(stored, record));
    }

    /// <summary>
    /// The record of a nested execution not in the index yet, added to it; <see langword="null"/> when the backend has
    /// no such instance, it is not a state machine execution started by a parent, or its state machine is not registered.
    /// </summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="arn">The execution ARN (already read as one).</param>
    /// <param name="client">The backend.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <returns>The indexed record, or <see langword="null"/>.</returns>
    public static async Task<ExecutionRecord?> AdoptAsync(ApiResources api, string arn, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (!arn.Contains(":execution:", StringComparison.Ordinal))
        {
            return null; // EXPRESS runs are never nested durable instances
        }

        var (machineName, name) = api.Arns.ExecutionNames(arn);
        string instanceId = machineName + ":" + name;
        if (await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false) is not { Name: OrchestratorNames.StateMachine, InputJson: { } inputJson } snapshot)
        {
            return null;
        }

        StateMachineInput start;
        try
        {
            start = DurableJson.Deserialize<StateMachineInput>(inputJson);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        if (start.NestingDepth is not > 0 || start.ExecutionName != name || start.StateMachineName != machineName)
        {
            return null;
        }

        NestedExecutionStarted started = new(
            instanceId, machineName, name, start.Definition, start.Input?.ToJsonString() ?? "null", start.RoleArn, start.Continuation?.StartTime ?? snapshot.CreatedAt);
        return (await RecordAsync(api.StateMachines, api.Executions, api.Arns, started, cancellationToken).ConfigureAwait(false)).Record;
    }
}
