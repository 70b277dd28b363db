using DurableTask.Core;

namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// <see cref="IExecutionClient"/> over DurableTask.Core's <see cref="TaskHubClient"/> (the self-host).
/// </summary>
/// <remarks>
/// <see cref="TaskHubClient"/> serializes with Newtonsoft; a <see cref="string"/> becomes the same JSON string literal
/// that System.Text.Json writes, which is what the orchestrator shim reads back.
/// </remarks>
/// <param name="client">The task hub client.</param>
public sealed class TaskHubExecutionClient(TaskHubClient client) : IExecutionClient
{
    /// <inheritdoc />
    public async Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await client.CreateOrchestrationInstanceAsync(orchestratorName, string.Empty, instanceId, inputJson).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        OrchestrationState? state = await client.GetOrchestrationStateAsync(instanceId).ConfigureAwait(false);
        return state is null ? null : ToSnapshot(state);
    }

    /// <inheritdoc />
    /// <remarks>The Azure Storage backend answers by polling every 2 s; the in-memory one completes at once.</remarks>
    public async Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken)
    {
        OrchestrationState? state = await client.WaitForOrchestrationAsync(
            new OrchestrationInstance { InstanceId = instanceId }, Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return state is null
            ? throw new InvalidOperationException($"Instance '{instanceId}' did not complete.")
            : ToSnapshot(state);
    }

    /// <inheritdoc />
    public async Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instanceId }, reason ?? string.Empty).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instanceId }, eventName, payloadJson!).ConfigureAwait(false);
    }

    /// <summary>Maps DurableTask.Core's state record.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The snapshot.</returns>
    internal static ExecutionSnapshot ToSnapshot(OrchestrationState state) =>
        new(
            state.OrchestrationInstance.InstanceId,
            state.Name,
            ToStatus(state.OrchestrationStatus),
            new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
            new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)))
        {
            InputJson = SerializedPayload.Unwrap(state.Input),
            OutputJson = state.OrchestrationStatus == OrchestrationStatus.Completed ? SerializedPayload.Unwrap(state.Output) : null,
            CustomStatusJson = SerializedPayload.Unwrap(state.Status),
            Failure = state.FailureDetails is { } f
                ? new ExecutionFailure(f.ErrorType, f.ErrorMessage)
                : state.OrchestrationStatus == OrchestrationStatus.Failed ? new ExecutionFailure("Unknown", state.Output ?? string.Empty) : null,
        };

    private static ExecutionRuntimeStatus ToStatus(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => ExecutionRuntimeStatus.Pending,
        OrchestrationStatus.Running => ExecutionRuntimeStatus.Running,
        OrchestrationStatus.Completed => ExecutionRuntimeStatus.Completed,
        OrchestrationStatus.ContinuedAsNew => ExecutionRuntimeStatus.ContinuedAsNew,
        OrchestrationStatus.Failed => ExecutionRuntimeStatus.Failed,
        OrchestrationStatus.Canceled => ExecutionRuntimeStatus.Canceled,
        OrchestrationStatus.Terminated => ExecutionRuntimeStatus.Terminated,
        OrchestrationStatus.Suspended => ExecutionRuntimeStatus.Suspended,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown orchestration status."),
    };
}
