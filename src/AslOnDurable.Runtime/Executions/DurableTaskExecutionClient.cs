using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// <see cref="IExecutionClient"/> over Microsoft.DurableTask's <see cref="DurableTaskClient"/> (the Functions app,
/// where the client is bound per invocation with <c>[DurableClient]</c>).
/// </summary>
/// <param name="client">The durable task client.</param>
public sealed class DurableTaskExecutionClient(DurableTaskClient client) : IExecutionClient
{
    /// <inheritdoc />
    public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) =>
        client.ScheduleNewOrchestrationInstanceAsync(
            orchestratorName, inputJson, new StartOrchestrationOptions(InstanceId: instanceId), cancellationToken);

    /// <inheritdoc />
    public async Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata? metadata = await client.GetInstancesAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return metadata is null ? null : ToSnapshot(metadata);
    }

    /// <inheritdoc />
    public async Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationMetadata metadata = await client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return ToSnapshot(metadata);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Recursive: stopping an execution stops the children it waits for (<c>startExecution.sync</c>, sub-orchestrations),
    /// as AWS stops a parent's synchronous child executions; fire-and-forget children are orchestrations of their own
    /// and keep running, as on AWS.
    /// </remarks>
    public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) =>
        client.TerminateInstanceAsync(instanceId, new TerminateInstanceOptions(Output: reason, Recursive: true), cancellationToken);

    /// <inheritdoc />
    public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(instanceId, eventName, payloadJson, cancellationToken);

    /// <summary>Maps Microsoft.DurableTask's metadata record.</summary>
    /// <param name="metadata">The metadata.</param>
    /// <returns>The snapshot.</returns>
    internal static ExecutionSnapshot ToSnapshot(OrchestrationMetadata metadata) =>
        new(metadata.InstanceId, metadata.Name, ToStatus(metadata.RuntimeStatus), metadata.CreatedAt, metadata.LastUpdatedAt)
        {
            InputJson = SerializedPayload.Unwrap(metadata.SerializedInput),
            OutputJson = metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? SerializedPayload.Unwrap(metadata.SerializedOutput) : null,
            CustomStatusJson = SerializedPayload.Unwrap(metadata.SerializedCustomStatus),
            Failure = metadata.FailureDetails is { } f ? new ExecutionFailure(f.ErrorType, f.ErrorMessage) : null,
        };

#pragma warning disable CS0618 // Canceled is obsolete in Microsoft.DurableTask but still a value the backend can report.
    private static ExecutionRuntimeStatus ToStatus(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => ExecutionRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running => ExecutionRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Completed => ExecutionRuntimeStatus.Completed,
        OrchestrationRuntimeStatus.ContinuedAsNew => ExecutionRuntimeStatus.ContinuedAsNew,
        OrchestrationRuntimeStatus.Failed => ExecutionRuntimeStatus.Failed,
        OrchestrationRuntimeStatus.Canceled => ExecutionRuntimeStatus.Canceled,
        OrchestrationRuntimeStatus.Terminated => ExecutionRuntimeStatus.Terminated,
        OrchestrationRuntimeStatus.Suspended => ExecutionRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };
#pragma warning restore CS0618
}
