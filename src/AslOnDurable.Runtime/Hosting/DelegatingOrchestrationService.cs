using DurableTask.Core;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// An <see cref="IOrchestrationService"/> that passes every call to another: the base of the self-host's decorators
/// (<see cref="HandOverOrchestrationService"/>, <see cref="ClosingOrchestrationService"/>), which override what they change.
/// </summary>
/// <param name="inner">The service the calls go to.</param>
internal abstract class DelegatingOrchestrationService(IOrchestrationService inner) : IOrchestrationService
{
    /// <summary>Gets the service the calls go to.</summary>
    protected IOrchestrationService Inner { get; } = inner;

    /// <inheritdoc />
    public int TaskOrchestrationDispatcherCount => Inner.TaskOrchestrationDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskOrchestrationWorkItems => Inner.MaxConcurrentTaskOrchestrationWorkItems;

    /// <inheritdoc />
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => Inner.EventBehaviourForContinueAsNew;

    /// <inheritdoc />
    public int TaskActivityDispatcherCount => Inner.TaskActivityDispatcherCount;

    /// <inheritdoc />
    public int MaxConcurrentTaskActivityWorkItems => Inner.MaxConcurrentTaskActivityWorkItems;

    /// <inheritdoc />
    public virtual Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public virtual Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        Inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public virtual Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);

    /// <inheritdoc />
    public virtual Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) => Inner.AbandonTaskActivityWorkItemAsync(workItem);

    /// <inheritdoc />
    public virtual Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) =>
        Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);

    /// <inheritdoc />
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => Inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public virtual Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState) =>
        Inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);

    /// <inheritdoc />
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Inner.AbandonTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public virtual Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);

    /// <inheritdoc />
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        Inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => Inner.GetDelayInSecondsAfterOnProcessException(exception);

    /// <inheritdoc />
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => Inner.GetDelayInSecondsAfterOnFetchException(exception);

    /// <inheritdoc />
    public Task StartAsync() => Inner.StartAsync();

    /// <inheritdoc />
    public Task StopAsync() => Inner.StopAsync();

    /// <inheritdoc />
    public Task StopAsync(bool isForced) => Inner.StopAsync(isForced);

    /// <inheritdoc />
    public Task CreateAsync() => Inner.CreateAsync();

    /// <inheritdoc />
    public Task CreateAsync(bool recreateInstanceStore) => Inner.CreateAsync(recreateInstanceStore);

    /// <inheritdoc />
    public Task CreateIfNotExistsAsync() => Inner.CreateIfNotExistsAsync();

    /// <inheritdoc />
    public Task DeleteAsync() => Inner.DeleteAsync();

    /// <inheritdoc />
    public Task DeleteAsync(bool deleteInstanceStore) => Inner.DeleteAsync(deleteInstanceStore);
}
