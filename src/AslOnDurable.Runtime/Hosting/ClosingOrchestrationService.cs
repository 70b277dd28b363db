using DurableTask.Core;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Wraps every self-host's orchestration service so an execution closes as soon as its result is decided, whatever
/// work it abandoned is still open (<see cref="OpenWork"/>): the episode that decides it also sends the failures that
/// answer its open calls (to itself) and the terminations of its open child executions; a terminated instance
/// (StopExecution) terminates its open children. Once a termination is applied (the episode that completes the instance
/// as terminated is stored), <paramref name="terminated"/> is told, so the API's execution index knows the instance
/// ABORTED without asking the backend (a child terminated with its parent or its map run records no closing event).
/// Every other call passes through.
/// </summary>
/// <param name="inner">The backend's service.</param>
/// <param name="terminated">Told the instance id, generation and time of each termination applied, or <c>null</c>; its failures are ignored (DescribeExecution corrects the index).</param>
internal sealed class ClosingOrchestrationService(IOrchestrationService inner, Func<AppliedTermination, Task>? terminated = null) : DelegatingOrchestrationService(inner)
{
    /// <inheritdoc />
    public override async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        ArgumentNullException.ThrowIfNull(newOrchestrationRuntimeState);
        OrchestrationStatus status = orchestrationState?.OrchestrationStatus ?? newOrchestrationRuntimeState.OrchestrationStatus;
        string? customStatus = orchestrationState?.Status ?? newOrchestrationRuntimeState.Status;
        List<TaskMessage> closing = OpenWork.ClosingMessages(newOrchestrationRuntimeState, status, customStatus);
        if (closing.Count > 0)
        {
            orchestratorMessages = [.. orchestratorMessages ?? [], .. closing];
        }

        await base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState!).ConfigureAwait(false);
        if (status == OrchestrationStatus.Terminated && terminated is not null && newOrchestrationRuntimeState.OrchestrationInstance?.InstanceId is { } instanceId)
        {
            DateTime completed = newOrchestrationRuntimeState.CompletedTime;
            DateTimeOffset at = completed > DateTime.MinValue ? new DateTimeOffset(DateTime.SpecifyKind(completed, DateTimeKind.Utc)) : DateTimeOffset.UtcNow;
            DateTimeOffset created = new(DateTime.SpecifyKind(newOrchestrationRuntimeState.CreatedTime, DateTimeKind.Utc));
            try
            {
                await terminated(new AppliedTermination(instanceId, created, at)).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Best effort: the termination stands; a lost record is corrected by DescribeExecution.
            catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
            {
            }
        }
    }
}
