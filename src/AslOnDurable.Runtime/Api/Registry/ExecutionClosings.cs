using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// Keeps in the execution index that a durable execution closed when its history store receives the closing event
/// (ExecutionSucceeded, ExecutionFailed, ExecutionTimedOut, ExecutionAborted), so ListExecutions knows the status without
/// asking the backend. Called by the history stores (<see cref="ExecutionHistoryStore"/> as the event is recorded,
/// <see cref="AzureStorage.AzureExecutionHistoryStore"/> by its background writer), never by orchestrator code itself.
/// </summary>
/// <remarks>
/// The execution is found by its durable instance id: an API execution's is <c>machine:name</c> (its ARN is
/// <c>…:execution:machine:name</c>), a map-run child's its ARN with <c>/</c> as <c>:</c>. The record read must name that
/// instance, and a closing event not after the record's last redrive belongs to an earlier generation and is not kept
/// (<see cref="IExecutionIndex.RecordClosedAsync(ExecutionRecord, ExecutionOutcome, CancellationToken)"/> is conditional on
/// the record as read, so a redrive that replaces it meanwhile wins). The orchestrator records the closing events the
/// engine does not (its own timeout's ExecutionTimedOut, a failure outside the interpreter's ExecutionFailed);
/// StopExecution keeps ABORTED itself; DescribeExecution corrects a closing lost with a killed process.
/// </remarks>
/// <param name="executions">The execution index.</param>
/// <param name="options">The region and account of the ARNs.</param>
/// <param name="machines">The state machine registry, for children a parent started (<see cref="RecordNestedAsync"/>); none: not kept.</param>
public sealed class ExecutionClosings(IExecutionIndex executions, ApiOptions options, IStateMachineStore? machines = null)
{
    /// <summary>
    /// Keeps a child execution a parent started (<see cref="Durable.INestedExecutionSink"/>) in the execution index, as an
    /// execution of its registered state machine with the definition, input and role it started with, so ListExecutions
    /// lists it from its start; nothing when its machine is not registered or the index already holds it.
    /// </summary>
    /// <param name="start">What the child started with.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether it was added.</returns>
    public async Task<bool> RecordNestedAsync(Durable.NestedExecutionStarted start, CancellationToken cancellationToken) =>
        machines is not null
        && (await Executions.NestedExecutions.RecordAsync(machines, executions, new ResourceArns(options), start, cancellationToken).ConfigureAwait(false)).Added;

    /// <summary>The status a closing event type gives an execution, or <c>null</c> when the type does not close one.</summary>
    /// <param name="eventType">The history event type.</param>
    /// <returns>The status, or <c>null</c>.</returns>
    public static string? StatusOf(string eventType) => eventType switch
    {
        HistoryEventTypes.ExecutionSucceeded => "SUCCEEDED",
        HistoryEventTypes.ExecutionFailed => "FAILED",
        HistoryEventTypes.ExecutionTimedOut => "TIMED_OUT",
        "ExecutionAborted" => "ABORTED",
        _ => null,
    };

    /// <summary>Keeps that an instance's execution closed with a status at a time, when it is an execution of the index.</summary>
    /// <param name="instanceId">The durable instance id.</param>
    /// <param name="status">The closing status.</param>
    /// <param name="at">When it closed (the closing event's time).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="generationCreated">
    /// When the closed generation was created, when known (a termination applied late, after a redrive was recorded, is
    /// the earlier generation's although its time is after the redrive's); else the closing time tells generations apart.
    /// </param>
    /// <returns>Whether it was kept (not for an unknown instance, an EXPRESS run, one known closed, or an earlier generation).</returns>
    public async Task<bool> RecordAsync(string instanceId, string status, DateTimeOffset at, CancellationToken cancellationToken, DateTimeOffset? generationCreated = null)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        DateTimeOffset stop = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds()); // as the API reports dates
        if (ArnOf(instanceId) is not { } arn
            || await executions.GetAsync(arn, cancellationToken).ConfigureAwait(false) is not { } record
            || record.InstanceId != instanceId
            || record.StateMachine.Type == ApiResources.Express
            || record.KnownClosed() is not null
            || record.IsBeforeLastRedrive(new ExecutionOutcome(status, stop) { GenerationCreated = generationCreated }))
        {
            return false;
        }

        return await executions.RecordClosedAsync(record, new ExecutionOutcome(status, stop), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The execution ARN a durable instance id stands for, or <c>null</c> when it has neither form.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>The ARN, or <c>null</c>.</returns>
    public string? ArnOf(string instanceId)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        string[] parts = instanceId.Split(':');
        if (parts.Length == 2)
        {
            return $"{options.ArnPrefix}:execution:{instanceId}";
        }

        // A map-run child: arn:aws:states:region:account:execution:machine:label:name, its ARN having machine/label.
        if (parts.Length >= 9 && parts[0] == "arn" && parts[5] == "execution")
        {
            return string.Join(':', parts[..7]) + "/" + string.Join(':', parts[7..]);
        }

        return null;
    }
}
