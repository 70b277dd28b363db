using DurableTask.Core;
using DurableTask.Core.History;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Wraps a durable backend's orchestration service so a stopping worker hands its work over instead of leaving it
/// invisible in the backend's queues. DurableTask.Core's <see cref="TaskHubWorker"/> stops its dispatchers before the
/// service: messages the Azure Storage service dequeued from its control queues meanwhile (e.g. the completion of an
/// activity that finished during the stop) stay in its memory with nobody to process them, and become visible again
/// only after the message visibility timeout (5 min by default). That is why a non-forced stop did not hand an
/// execution over. <see cref="BeginHandOver"/> stops taking activities, lets those in flight finish while the
/// orchestration dispatcher still runs (so their completions are processed here), and abandons the ones that do not
/// finish in time (their messages become visible to the other workers within seconds; their late results are dropped).
/// </summary>
internal sealed class HandOverOrchestrationService(IOrchestrationService inner) : DelegatingOrchestrationService(inner)
{
    private readonly object gate = new();
    private readonly Dictionary<string, (TaskActivityWorkItem Item, bool HandedOver)> activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> awaitedInstances = new(StringComparer.Ordinal); // completions sent, not yet processed
    private int orchestrationsInFlight;
    private volatile bool handingOver;

    /// <summary>Stops taking activities: the other workers of the task hub take them.</summary>
    public void BeginHandOver() => handingOver = true;

    /// <summary>
    /// Hands over what is in flight: waits (at most <paramref name="grace"/>) for the activities running here and for the
    /// orchestration episodes that process their completions, then abandons the activities still running.
    /// </summary>
    /// <param name="grace">How long running activities may take to finish.</param>
    /// <param name="settle">How long, after that, the completions sent may take to be processed here.</param>
    /// <returns>The number of activities abandoned.</returns>
    public async Task<int> HandOverAsync(TimeSpan grace, TimeSpan settle)
    {
        BeginHandOver();
        DateTime until = DateTime.UtcNow + grace;
        while (DateTime.UtcNow < until && ActivitiesRunning() > 0)
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        List<TaskActivityWorkItem> abandon = [];
        lock (gate)
        {
            foreach ((string id, (TaskActivityWorkItem item, bool _)) in activities.ToList())
            {
                activities[id] = (item, true);
                abandon.Add(item);
            }
        }

        foreach (TaskActivityWorkItem item in abandon)
        {
            await Inner.AbandonTaskActivityWorkItemAsync(item).ConfigureAwait(false);
        }

        until = DateTime.UtcNow + settle;
        while (DateTime.UtcNow < until && !Settled())
        {
            await Task.Delay(100).ConfigureAwait(false);
        }

        return abandon.Count;
    }

    /// <inheritdoc />
    public override async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        if (handingOver)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return null!;
        }

        TaskActivityWorkItem item = await Inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return item!;
        }

        if (handingOver)
        {
            await Inner.AbandonTaskActivityWorkItemAsync(item).ConfigureAwait(false);
            return null!;
        }

        lock (gate)
        {
            activities[item.Id] = (item, false);
        }

        return item;
    }

    /// <inheritdoc />
    public override Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) =>
        Abandoned(workItem, remove: false) ? Task.FromResult(workItem) : Inner.RenewTaskActivityWorkItemLockAsync(workItem);

    /// <inheritdoc />
    public override async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        if (Abandoned(workItem, remove: false))
        {
            Forget(workItem);
            return; // handed over: the next worker runs it again
        }

        string? instance = responseMessage?.OrchestrationInstance?.InstanceId;
        if (instance is not null)
        {
            lock (gate)
            {
                awaitedInstances[instance] = awaitedInstances.GetValueOrDefault(instance) + 1;
            }
        }

        try
        {
            await Inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage!).ConfigureAwait(false);
        }
        finally
        {
            Forget(workItem);
        }
    }

    /// <inheritdoc />
    public override async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        if (!Abandoned(workItem, remove: true))
        {
            await Inner.AbandonTaskActivityWorkItemAsync(workItem).ConfigureAwait(false);
        }

        Forget(workItem);
    }

    /// <inheritdoc />
    public override async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        TaskOrchestrationWorkItem item = await Inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken).ConfigureAwait(false);
        if (item is not null)
        {
            Interlocked.Increment(ref orchestrationsInFlight);
        }

        return item!;
    }

    /// <inheritdoc />
    public override async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState, IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages, TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        await Inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState).ConfigureAwait(false);
        int processed = workItem.NewMessages?.Count(m => m.Event is TaskCompletedEvent or TaskFailedEvent) ?? 0;
        if (processed > 0)
        {
            lock (gate)
            {
                int left = awaitedInstances.GetValueOrDefault(workItem.InstanceId) - processed;
                if (left > 0)
                {
                    awaitedInstances[workItem.InstanceId] = left;
                }
                else
                {
                    awaitedInstances.Remove(workItem.InstanceId);
                }
            }
        }
    }

    /// <inheritdoc />
    public override async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        try
        {
            await Inner.ReleaseTaskOrchestrationWorkItemAsync(workItem).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref orchestrationsInFlight);
        }
    }

    private int ActivitiesRunning()
    {
        lock (gate)
        {
            return activities.Count;
        }
    }

    private bool Settled()
    {
        lock (gate)
        {
            return awaitedInstances.Count == 0 && Volatile.Read(ref orchestrationsInFlight) <= 0;
        }
    }

    private bool Abandoned(TaskActivityWorkItem workItem, bool remove)
    {
        lock (gate)
        {
            bool abandoned = activities.TryGetValue(workItem.Id, out var entry) && entry.HandedOver;
            if (remove && abandoned)
            {
                activities.Remove(workItem.Id);
            }

            return abandoned;
        }
    }

    private void Forget(TaskActivityWorkItem workItem)
    {
        lock (gate)
        {
            activities.Remove(workItem.Id);
        }
    }
}
