using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;

namespace AslOnDurable.Runtime.Api.Activities;

/// <summary>
/// Task states whose Resource is an activity ARN of this API: the task (its token and input) waits in the
/// <see cref="IActivityTaskQueue"/> for a worker's GetActivityTask, and the execution waits durably for the worker's
/// SendTaskSuccess/Failure/Heartbeat (the task token machinery of <c>.waitForTaskToken</c>). Every other resource goes
/// to <paramref name="inner"/>.
/// </summary>
/// <remarks>
/// AWS: an activity task nobody takes fails with <c>States.Timeout</c> once <c>TimeoutSeconds</c> runs out; the heartbeat
/// clock starts when a worker takes it. Activities run in STANDARD executions only (EXPRESS workflows do not support them).
/// </remarks>
/// <param name="inner">The handler of every other resource.</param>
/// <param name="activities">The activities.</param>
/// <param name="queue">The waiting tasks.</param>
/// <param name="arns">Reads activity ARNs.</param>
/// <param name="time">The clock of deadlines.</param>
internal sealed class ActivityTaskHandler(ITaskHandler inner, IActivityStore activities, IActivityTaskQueue queue, ResourceArns arns, TimeProvider time) : ITaskHandler
{
    /// <inheritdoc />
    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        return arns.IsActivity(invocation.Resource) ? ScheduleAsync(invocation) : inner.InvokeAsync(invocation);
    }

    private async ValueTask<TaskOutcome> ScheduleAsync(TaskInvocation invocation)
    {
        if (await activities.GetAsync(invocation.Resource, CancellationToken.None).ConfigureAwait(false) is null)
        {
            return TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, $"Activity Does Not Exist: '{invocation.Resource}' (state '{invocation.StateName}')."));
        }

        if (!TaskToken.TryParse(invocation.TaskToken, out _, out _))
        {
            return TaskOutcome.Failure(new AslError(
                StatesErrorNames.Runtime, $"The activity '{invocation.Resource}' (state '{invocation.StateName}') needs a STANDARD execution: EXPRESS workflows do not support activities."));
        }

        DateTimeOffset? deadline = invocation.TimeoutSeconds is > 0 and var seconds ? time.GetUtcNow().AddSeconds(seconds) : null;
        string input = invocation.Input?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";
        await queue.AddAsync(invocation.Resource, new ActivityTask(invocation.TaskToken!, input, deadline), CancellationToken.None).ConfigureAwait(false);
        return TaskOutcome.AwaitingCallback();
    }
}
