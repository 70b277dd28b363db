using DurableTask.Core;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Wraps every self-host's orchestration service so an execution closes as soon as its result is decided, whatever
/// work it abandoned is still open (<see cref="OpenWork"/>): the episode that decides it also sends the failures that
/// answer its open calls (to itself) and the terminations of its open child executions; a terminated instance
/// (StopExecution) terminates its open children. Every other call passes through.
/// </summary>
/// <param name="inner">The backend's service.</param>
internal sealed class ClosingOrchestrationService(IOrchestrationService inner) : DelegatingOrchestrationService(inner)
{
    /// <inheritdoc />
    public override Task CompleteTaskOrchestrationWorkItemAsync(
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

        return base.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState!);
    }
}
