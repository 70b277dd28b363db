namespace AslOnDurable.Runtime.Api.Activities;

/// <summary>
/// The activity tasks waiting for workers, one first-in first-out queue per activity ARN: in this process
/// (<see cref="ActivityTaskQueue"/>, the default) or in Azure Storage queues shared by every host on the task hub
/// (<see cref="AzureActivityTaskQueue"/>, with a storage connection).
/// </summary>
internal interface IActivityTaskQueue
{
    /// <summary>Adds a task for the activity's workers.</summary>
    /// <param name="activityArn">The activity ARN.</param>
    /// <param name="task">The task.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when queued.</returns>
    Task AddAsync(string activityArn, ActivityTask task, CancellationToken cancellationToken);

    /// <summary>Forgets an activity's waiting tasks (DeleteActivity); their executions time out as AWS's do.</summary>
    /// <param name="activityArn">The activity ARN.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when forgotten.</returns>
    Task RemoveAsync(string activityArn, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the next open task of an activity, waiting up to <paramref name="wait"/> for one: tasks past their deadline
    /// are dropped, and <paramref name="claim"/> decides for each of the others (it tells the execution the task has
    /// started; <c>false</c> when the execution has closed).
    /// </summary>
    /// <param name="activityArn">The activity ARN.</param>
    /// <param name="wait">The longest wait (AWS: 60 seconds).</param>
    /// <param name="claim">Claims a task for the caller.</param>
    /// <param name="cancellationToken">Cancels the poll (the caller went away).</param>
    /// <returns>The task, or <c>null</c> when none arrived in time.</returns>
    Task<ActivityTask?> TakeAsync(string activityArn, TimeSpan wait, Func<ActivityTask, CancellationToken, Task<bool>> claim, CancellationToken cancellationToken);
}
