using System.Diagnostics;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Observability;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// Runs one attempt of a Task state through an <see cref="ITaskHandler"/> (the registry of integrations, or a mock
/// configuration): <see cref="TaskActivityInput"/> in, <see cref="TaskActivityResult"/> out, as JSON text. Every way
/// the handler ends becomes a value, so Durable's own activity failure path is left for infrastructure failures.
/// </summary>
/// <param name="tasks">Resolves and runs the resource.</param>
/// <param name="time">The clock handed to the handler (<see cref="TaskInvocation.Clock"/>); the system clock when <c>null</c>.</param>
/// <param name="telemetry">Where the activity's span and duration go, or <c>null</c>.</param>
/// <param name="instances">
/// The task hub's client when no closing service answers the calls of a decided instance (the Functions app): the
/// activity then watches its instance while the handler runs (<see cref="WatchInterval"/>) and stops waiting once the
/// instance's result is decided; <c>null</c> (the self-hosts) not to watch.
/// </param>
public sealed class StateMachineTaskActivity(
    ITaskHandler tasks, TimeProvider? time = null, ExecutionTelemetry? telemetry = null, IExecutionClient? instances = null) : TaskActivity<string, string>
{
    /// <summary>
    /// How often an activity whose handler has not answered asks whether its instance's result is decided (custom status
    /// <see cref="StateMachineOrchestrator.FinishedStatus"/>), when it has a client to ask; the first time after one interval,
    /// so a handler that answers sooner costs no request.
    /// </summary>
    public static readonly TimeSpan WatchInterval = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(tasks, input, time, telemetry, instances);

    /// <summary>Runs one attempt; hosts that bind activities themselves (the Functions app) call this.</summary>
    /// <param name="tasks">Resolves and runs the resource.</param>
    /// <param name="input">A <see cref="TaskActivityInput"/> as JSON text.</param>
    /// <param name="time">The clock handed to the handler; the system clock when <c>null</c>.</param>
    /// <param name="telemetry">Where the activity's span (a child of the task call's span, <see cref="TaskActivityInput.TraceParent"/>)
    /// and its duration (<see cref="TelemetryNames.ActivityDuration"/>) go, or <c>null</c>.</param>
    /// <param name="instances">The task hub's client to watch the calling instance with (see the constructor), or <c>null</c>.</param>
    /// <returns>A <see cref="TaskActivityResult"/> as JSON text.</returns>
    /// <remarks>
    /// The handler gets an <see cref="ITaskClock"/> that enforces <c>TimeoutSeconds</c> and <c>HeartbeatSeconds</c> for
    /// the waits it makes through it, as in memory: a timed-out attempt reports <c>States.Timeout</c> or
    /// <c>States.HeartbeatTimeout</c>.
    /// </remarks>
    public static async Task<string> RunAsync(
        ITaskHandler tasks, string input, TimeProvider? time = null, ExecutionTelemetry? telemetry = null, IExecutionClient? instances = null)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        TaskActivityInput request = DurableJson.Deserialize<TaskActivityInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(TaskActivityInput));
        if (telemetry is null)
        {
            return DurableJson.Serialize(await InvokeAsync(tasks, request, time, instances).ConfigureAwait(false));
        }

        ActivityContext.TryParse(request.TraceParent, null, isRemote: true, out ActivityContext parent);
        using Activity? span = telemetry.Source.StartActivity(
            "activity " + request.Resource,
            ActivityKind.Internal,
            parent,
            [new(TelemetryNames.TaskResource, request.Resource), new(TelemetryNames.StateName, request.StateName), new(TelemetryNames.ExecutionArn, request.ExecutionId)]);
        long started = Stopwatch.GetTimestamp();
        TaskActivityResult result = await InvokeAsync(tasks, request, time, instances).ConfigureAwait(false);
        telemetry.RecordActivity(request.Resource, result.Outcome, Stopwatch.GetElapsedTime(started));
        if (span is not null && result.Error is { } error)
        {
            span.SetTag(TelemetryNames.Error, error);
            span.SetTag("error.type", error);
            span.SetStatus(ActivityStatusCode.Error, result.Cause ?? error);
        }

        return DurableJson.Serialize(result);
    }

    /// <summary>
    /// How long after the execution's deadline (<see cref="TaskActivityInput.ExecutionSecondsLeft"/> from its start) the activity stops waiting for its handler: long enough for the
    /// orchestrator's deadline timer (due at the deadline, at most a second later on Azure Storage) to end the execution
    /// first, so the activity's own answer is the ignored late one.
    /// </summary>
    internal static readonly TimeSpan ExecutionDeadlineGrace = TimeSpan.FromSeconds(5);

    private static async Task<TaskActivityResult> InvokeAsync(ITaskHandler tasks, TaskActivityInput request, TimeProvider? time, IExecutionClient? instances)
    {
        time ??= TimeProvider.System;
        ActivityTaskClock clock = new(time, request.TimeoutSeconds, request.HeartbeatSeconds);
        Task<TaskActivityResult> handled = HandleAsync(tasks, request, clock);
        DateTimeOffset? giveUp = GiveUpAt(request, clock.StartedAt);
        string? watched = instances is null ? null : request.InstanceId;
        if ((giveUp is null && watched is null) || handled.IsCompleted)
        {
            return await Finish(handled, clock).ConfigureAwait(false);
        }

        // DurableTask.Core completes an orchestration only once none of its activities is open, and cannot cancel one: an
        // activity that waited for a handler that never answers would keep a timed-out execution RUNNING. Past its
        // TimeoutSeconds (or a little past the execution's deadline) the orchestrator has already moved on, so stop
        // waiting: the handler goes on alone (as a Lambda outlives the execution on AWS), its answer dropped. Where no
        // closing service answers a decided instance's calls, the same holds once the instance says it is decided.
        while (true)
        {
            DateTimeOffset now = time.GetUtcNow();
            DateTimeOffset until = watched is null ? giveUp!.Value : giveUp is { } end && end < now + WatchInterval ? end : now + WatchInterval;
            using CancellationTokenSource stopDelay = new();
            TimeSpan wait = until - now;
            Task delay = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, time, stopDelay.Token);
            if (await Task.WhenAny(handled, delay).ConfigureAwait(false) == handled)
            {
                await stopDelay.CancelAsync().ConfigureAwait(false);
                return await Finish(handled, clock).ConfigureAwait(false);
            }

            if (giveUp is { } due && time.GetUtcNow() >= due)
            {
                return Abandon(handled, clock, new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.TimedOut) { Error = StatesErrorNames.Timeout });
            }

            if (watched is not null && await InstanceWatch.IsDecidedAsync(instances!, watched).ConfigureAwait(false))
            {
                return Abandon(handled, clock, new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Failed)
                {
                    Error = StatesErrorNames.Runtime,
                    Cause = Hosting.OpenWork.Reason,
                });
            }
        }
    }

    /// <summary>Stops waiting for the handler, which goes on alone (told through <see cref="ITaskClock.Abandoned"/>).</summary>
    private static TaskActivityResult Abandon(Task<TaskActivityResult> handled, ActivityTaskClock clock, TaskActivityResult answer)
    {
        clock.Abandon();
        _ = handled.ContinueWith(_ => clock.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return answer;
    }

    /// <summary>When the activity stops waiting for the handler, or <c>null</c> when it waits as long as the handler takes.</summary>
    private static DateTimeOffset? GiveUpAt(TaskActivityInput request, DateTimeOffset started)
    {
        DateTimeOffset? ownTimeout = request.TimeoutSeconds is > 0 and { } seconds ? started.AddSeconds(seconds) : null;
        DateTimeOffset? executionEnd = request.ExecutionSecondsLeft is { } left ? started.AddSeconds(left) + ExecutionDeadlineGrace : null;
        return ownTimeout is { } own && executionEnd is { } end ? (own < end ? own : end) : ownTimeout ?? executionEnd;
    }

    private static async Task<TaskActivityResult> Finish(Task<TaskActivityResult> handled, ActivityTaskClock clock)
    {
        try
        {
            return await handled.ConfigureAwait(false);
        }
        finally
        {
            clock.Dispose();
        }
    }

    private static async Task<TaskActivityResult> HandleAsync(ITaskHandler tasks, TaskActivityInput request, ActivityTaskClock clock)
    {
        TaskInvocation invocation = new()
        {
            StateName = request.StateName,
            Resource = request.Resource,
            Input = request.Input,
            RetryCount = request.RetryCount,
            TimeoutSeconds = request.TimeoutSeconds,
            HeartbeatSeconds = request.HeartbeatSeconds,
            ExecutionId = request.ExecutionId,
            TaskToken = request.TaskToken,
            Credentials = request.Credentials,
            Clock = clock,
        };

        TaskActivityResult result;
        try
        {
            TaskOutcome outcome = await tasks.InvokeAsync(invocation).ConfigureAwait(false);
            if (clock.TimedOutByHeartbeat is { } late)
            {
                outcome = TaskOutcome.TimedOut(late);
            }

            result = outcome.NestedExecution is { } child
                ? new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.StartExecution) { StartExecution = NestedExecutionPayloads.ToPayload(child) }
                : outcome.IsAwaitingCallback
                ? new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.AwaitingCallback)
                : outcome.Error is { } error
                ? new TaskActivityResult(PayloadVersion.Current, outcome.IsTimeout ? TaskActivityOutcomes.TimedOut : TaskActivityOutcomes.Failed) { Error = error.Error, Cause = error.Cause }
                : new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Succeeded) { Output = outcome.Result };
        }
        catch (OperationCanceledException) when (clock.TimedOutByHeartbeat is { } byHeartbeat)
        {
            TaskOutcome timedOut = TaskOutcome.TimedOut(byHeartbeat);
            result = new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.TimedOut) { Error = timedOut.Error!.Error };
        }
        catch (AslErrorException e)
        {
            result = new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Thrown) { Error = e.Error.Error, Cause = e.Error.Cause };
        }
#pragma warning disable CA1031 // Every handler exception becomes a value; the orchestrator maps it exactly as the in-memory engine does.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            result = new TaskActivityResult(PayloadVersion.Current, TaskActivityOutcomes.Crashed) { Cause = e.Message };
        }

        return result;
    }
}
