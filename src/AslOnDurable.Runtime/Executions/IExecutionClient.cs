namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// Talks to durable executions, whatever client the host has: <see cref="TaskHubExecutionClient"/> in the
/// self-host (DurableTask.Core's <c>TaskHubClient</c>), <see cref="DurableTaskExecutionClient"/> in the Functions app
/// (Microsoft.DurableTask's <c>DurableTaskClient</c>). Payloads are JSON text, stored the same way by both.
/// </summary>
public interface IExecutionClient
{
    /// <summary>Schedules a new orchestration instance.</summary>
    /// <param name="orchestratorName">The registered orchestrator name.</param>
    /// <param name="instanceId">The instance id to use.</param>
    /// <param name="inputJson">The input as JSON text, or <c>null</c> for none.</param>
    /// <param name="cancellationToken">Cancels the request (not the execution).</param>
    /// <returns>A task that completes when the start message is enqueued.</returns>
    Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken);

    /// <summary>Reads the current state of an instance, with input and output.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The snapshot, or <c>null</c> if no such instance exists.</returns>
    Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Waits until an instance reaches a terminal status.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The terminal snapshot.</returns>
    Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Requests termination of an instance; terminating a finished or unknown instance does nothing.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="reason">Why, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the request is enqueued.</returns>
    Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken);

    /// <summary>Sends an external event to an instance.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="eventName">The event name (case-insensitive in Durable).</param>
    /// <param name="payloadJson">The payload as JSON text, or <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the event is enqueued.</returns>
    Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken);
}
