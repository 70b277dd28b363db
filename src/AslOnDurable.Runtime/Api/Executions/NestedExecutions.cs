using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Executions a parent started (<c>states:startExecution</c>, <c>.sync</c>, <c>.sync:2</c>): they run on durable
/// instances named as API starts are (<c>&lt;machine&gt;:&lt;name&gt;</c>) but nothing recorded them in the execution index,
/// since orchestrator code does no I/O. The first time the API is asked about such an ARN (DescribeExecution,
/// GetExecutionHistory, StopExecution, …), the record is built from the backend's instance (its start record: input,
/// role, definition, start time) and the registered state machine, and added to the index, so it is described, listed
/// and stopped from then on as any other execution.
/// </summary>
internal static class NestedExecutions
{
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

        if (start.NestingDepth is not > 0 || start.ExecutionName != name || start.StateMachineName != machineName
            || await api.StateMachines.GetAsync(api.Arns.StateMachine(machineName), cancellationToken).ConfigureAwait(false) is not { } machine)
        {
            return null;
        }

        DateTimeOffset started = start.Continuation?.StartTime ?? snapshot.CreatedAt;
        ExecutionRecord record = new(
            arn,
            machine.Arn,
            name,
            instanceId,
            start.Input?.ToJsonString() ?? "null",
            DateTimeOffset.FromUnixTimeMilliseconds(started.ToUnixTimeMilliseconds()),
            machine with { Definition = start.Definition, RoleArn = start.RoleArn ?? machine.RoleArn });
        return await api.Executions.GetOrAddAsync(record, cancellationToken).ConfigureAwait(false);
    }
}
