using AslOnDurable.Runtime.Api.Activities;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// GetActivityTask: a long poll of up to 60 seconds (AWS's) for the activity's next task. The worker gets the task token
/// and input, and the execution records <c>ActivityStarted</c> with the worker's name; an empty response (<c>{}</c>)
/// when no task arrived in time.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="activities">The activities.</param>
/// <param name="queue">The waiting tasks.</param>
internal sealed class GetActivityTaskOperation(ApiResources api, IActivityStore activities, IActivityTaskQueue queue) : ApiOperation<GetActivityTaskRequest, GetActivityTaskResponse>
{
    /// <summary>AWS's longest poll.</summary>
    public static readonly TimeSpan PollTime = TimeSpan.FromSeconds(60);

    private static readonly GetActivityTaskResponse NoTask = new(null, null);

    /// <inheritdoc />
    public override string Action => "GetActivityTask";

    /// <inheritdoc />
    protected override async Task<GetActivityTaskResponse> HandleAsync(GetActivityTaskRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? worker = RequestFields.Length(request.WorkerName, "workerName", RequestFields.MaxNameLength);
        ActivityRecord activity = await ActivityLookup.FindAsync(api, activities, request.ActivityArn, cancellationToken).ConfigureAwait(false);
        TaskCallbacks callbacks = new(client);
        ActivityTask? task = await queue.TakeAsync(
            activity.Arn, PollTime,
            async (candidate, cancel) =>
            {
                try
                {
                    await callbacks.SendTaskStartedAsync(candidate.TaskToken, worker, cancel).ConfigureAwait(false);
                    return true;
                }
                catch (TaskCallbackException)
                {
                    // The execution has closed (stopped, or timed out and moved on): the next task.
                    return false;
                }
            },
            cancellationToken).ConfigureAwait(false);
        return task is null ? NoTask : new GetActivityTaskResponse(task.TaskToken, task.Input);
    }
}
