using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// The engine's <see cref="IExecutionHost"/> over a Durable Task orchestration: replay-safe time and ids from the
/// context, randomness from a generator seeded by the instance id, Wait and Retry backoff on durable timers, Task
/// states as calls of <see cref="ActivityNames.StateMachineTask"/>.
/// </summary>
/// <remarks>
/// Continue-as-new: the host counts the durable actions of this generation (task calls, timers) and asks the engine to
/// stop at the next top-level state boundary (<see cref="ShouldCheckpoint"/>) once a limit is reached; both counts
/// depend only on replayed history, so every replay stops at the same state. Generation <c>n</c> &gt; 0 seeds its
/// randomness with the instance id and <c>n</c>, so generations do not repeat each other's random numbers.
/// </remarks>
/// <param name="context">The orchestration context.</param>
/// <param name="skipWaits">Complete waits at once and move the clock on by the skipped time (test mode: no real sleeping).</param>
/// <param name="generation">The continue-as-new generation (0 for the first).</param>
/// <param name="limits">When to stop for a checkpoint, or <c>null</c> never to.</param>
/// <param name="skipped">Virtual time skipped by earlier generations (skip-waits mode).</param>
/// <param name="settings">The execution's start record: child executions inherit its quota and generation limits.</param>
/// <param name="trace">The execution's trace: task calls and child executions carry its current task span as their trace parent.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage(
    "Design", "CA1001", Justification = "Its token source has no timer: nothing to release; tasks of abandoned branches may read the token after the episode.")]
internal sealed partial class DurableExecutionHost(
    TaskOrchestrationContext context, bool skipWaits = false, int generation = 0, GenerationLimits? limits = null, TimeSpan skipped = default,
    StateMachineInput? settings = null, Observability.ExecutionTrace? trace = null) : IExecutionHost
{
    private readonly ReplayRandom random = new(ReplayRandom.SeedFrom(generation == 0 ? context.InstanceId : context.InstanceId + "#" + generation.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    // Time skipped by waits in skip-waits mode: pure arithmetic on replayed values, so replay-safe.
    private TimeSpan skipped = skipped;

    // Cancelled once the execution's result is decided: the durable timers of branches it abandoned (Wait states, Retry
    // backoffs, task and heartbeat timeouts) would otherwise keep the instance open until they fire.
    private readonly CancellationTokenSource closing = new();

    /// <summary>Cancels every timer still waiting (the execution's result is decided); synchronous, as replay requires.</summary>
    public void Close()
    {
        #pragma warning disable CA1849 // Synchronous on purpose (replay rules).
        closing.Cancel();
        #pragma warning restore CA1849
    }

    // Child executions (sub-orchestrations: .sync children, map runs) started and not yet answered, in start order;
    // changed only by orchestrator code, so replay-safe.
    private readonly List<string> openChildren = [];

    /// <summary>Gets the instance ids of the child executions this episode has started and not yet seen end.</summary>
    public IReadOnlyList<string> OpenChildren => openChildren;

    /// <summary>Gets the durable actions (task calls and timers) this generation has asked for.</summary>
    public int Actions { get; private set; }

    /// <summary>Gets when the execution's <c>TimeoutSeconds</c> ends it, if it has one (task calls carry it to the activity).</summary>
    public DateTimeOffset? ExecutionDeadline { get; init; }

    /// <summary>Gets the virtual time skipped so far (skip-waits mode), carried to the next generation.</summary>
    public TimeSpan Skipped => skipped;

    /// <inheritdoc />
    public bool ShouldCheckpoint(long eventCount) =>
        limits is { } l && (Actions >= l.MaxActions || eventCount >= l.MaxEvents);

    /// <inheritdoc />
    public DateTimeOffset UtcNow => new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)) + skipped;

    /// <inheritdoc />
    public Guid NewGuid() => context.NewGuid();

    /// <inheritdoc />
    /// <remarks>The token names this instance (<see cref="TaskToken"/>), so the callback API can find it.</remarks>
    public string NewTaskToken() => TaskToken.Create(context.InstanceId, context.NewGuid());

    /// <inheritdoc />
    public double NextRandom() => random.NextDouble();

    /// <inheritdoc />
    public ValueTask WaitUntilAsync(DateTimeOffset fireAt)
    {
        if (skipWaits)
        {
            var delay = fireAt - UtcNow;
            if (delay > TimeSpan.Zero)
            {
                skipped += delay;
            }

            return ValueTask.CompletedTask;
        }

        Actions++;
        return new(DurableTimers.WaitUntilAsync(context, fireAt.UtcDateTime, closing.Token));
    }

    /// <inheritdoc />
    /// <remarks>The input is written into the activity's request when the call is scheduled (outside replay), never kept.</remarks>
    public bool ReadsTaskInputAtOnce => true;

    /// <inheritdoc />
    /// <remarks>
    /// AWS fails a task that runs past its <c>TimeoutSeconds</c> with <c>States.Timeout</c>: the activity is raced
    /// with a durable timer (the handler itself keeps running, as on AWS; its late result is ignored). DurableTask.Core
    /// completes the orchestration only once the activity has returned, so the activity stops waiting for the handler at
    /// the same timeout, or a little past the execution's deadline (<see cref="ExecutionDeadline"/>).
    /// <c>.waitForTaskToken</c>: the token travels to the handler; a handler that answers at once is an ordinary task, one
    /// that answers <see cref="TaskOutcome.AwaitingCallback"/> makes the orchestration wait for the token's callback
    /// (see <c>DurableExecutionHost.Callbacks.cs</c>).
    /// A task that starts another state machine (<c>states:startExecution</c>) gets its definition from the activity
    /// (so it is in history) and runs it as a sub-orchestration; <c>.sync</c>/<c>.sync:2</c> wait for it within the
    /// same <c>TimeoutSeconds</c>.
    /// </remarks>
    public ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        Actions++;
        if (invocation.TaskToken is { } token && TaskToken.TryParse(token, out _, out Guid callbackId))
        {
            return new(CallWithCallbackAsync(invocation, TaskToken.EventName(callbackId)));
        }

        // Without a timeout there is nothing to race: no extra async frame on every task state of every replay, and the
        // engine awaits the activity's own task through an ActivityCall (no async frame of the host either).
        return invocation.TimeoutSeconds is > 0 and var seconds ? RaceAsync(CallAsync(invocation), seconds) : ActivityCall.Start(this, invocation);
    }

    private async ValueTask<TaskOutcome> RaceAsync(Task<TaskOutcome> work, int seconds)
    {
        using CancellationTokenSource cancelTimer = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        Task timer = DurableTimers.WaitUntilAsync(context, context.CurrentUtcDateTime.AddSeconds(seconds), cancelTimer.Token);
        if (await Task.WhenAny(work, timer) == timer)
        {
            return TaskOutcome.TimedOut(heartbeat: false);
        }

        // Cancel synchronously: CancelAsync runs the timer's cancellation callback on the thread pool, outside the
        // orchestrator's single thread, so the episode could end before the orchestration notices (it never would).
        #pragma warning disable CA1849 // Synchronous on purpose (replay rules).
        cancelTimer.Cancel();
        #pragma warning restore CA1849
        return await work;
    }

    /// <summary>Calls the task activity (scheduled before this method first awaits), then starts a child it asked for.</summary>
    private Task<TaskOutcome> CallAsync(TaskInvocation invocation) => FinishAsync(ScheduleCall(invocation, out string? traceParent), traceParent);

    /// <summary>Awaits a scheduled activity call: its reply read, or the child execution it asks for run.</summary>
    private async Task<TaskOutcome> FinishAsync(Task<string> call, string? traceParent)
    {
        await ((Task)call).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        TaskOutcome outcome = Answer(call);
        return outcome.NestedExecution is { } child ? await RunNestedAsync(child, traceParent) : outcome;
    }

    /// <summary>Schedules the task activity for an invocation (the trace parent it carries is kept for a child it asks for).</summary>
    private Task<string> ScheduleCall(TaskInvocation invocation, out string? traceParent)
    {
        // While replaying, the call is already in history with its input: DurableTask.Core matches it by id and name
        // and never reads the input again, so building it would only cost time on every episode.
        traceParent = context.IsReplaying ? null : trace?.CurrentTaskTraceParent;
        string request = context.IsReplaying ? string.Empty : DurableJson.Serialize(new TaskActivityInput(
            PayloadVersion.Current, invocation.StateName, invocation.Resource, invocation.Input, invocation.RetryCount, invocation.ExecutionId)
        {
            TimeoutSeconds = invocation.TimeoutSeconds,
            HeartbeatSeconds = invocation.HeartbeatSeconds,
            TaskToken = invocation.TaskToken,
            Credentials = invocation.Credentials,
            TraceParent = traceParent,
            ExecutionSecondsLeft = ExecutionDeadline is { } deadline ? Math.Max(0, (deadline.UtcDateTime - context.CurrentUtcDateTime).TotalSeconds) : null,
            InstanceId = ClosesOpenChildren ? context.InstanceId : null, // only a host without a closing service watches the instance
        });
        return context.CallActivityAsync<string>(ActivityNames.StateMachineTask, request);
    }

    /// <summary>The engine's outcome of an answered activity call: its reply read, or its failure (what the handler threw, rethrown).</summary>
    private static TaskOutcome Answer(Task<string> call)
    {
        string reply;
        try
        {
            reply = call.GetAwaiter().GetResult();
        }
        catch (TaskFailedException e)
        {
            return TaskOutcome.Failure(TaskFailures.ToAslError(e.FailureDetails));
        }

        // The output's text is a part of the reply's (read with the engine's depth limit), so the reply's length bounds its size.
        return TaskFailures.ToOutcome(DurableJson.Deserialize<TaskActivityResult>(reply), System.Text.Encoding.UTF8.GetByteCount(reply));
    }

    /// <summary>
    /// Runs a child execution as a sub-orchestration of <see cref="StateMachineOrchestrator"/>. Its execution name is the
    /// Task's <c>Name</c>, else a replay-safe GUID from the context; its instance id is <c>&lt;machine&gt;:&lt;name&gt;</c>, as an
    /// API start's is, so executions of two machines may share a name and the API finds the child by its ARN
    /// (replay compares a sub-orchestration's name, not its instance id: parents in flight replay unchanged). It inherits this execution's test and limit settings (skip-waits, payload quota,
    /// generation limits). <c>startExecution</c> does not wait: the child is started through the client by
    /// <see cref="Activities.StartExecutionActivity"/> as an orchestration of its own.
    /// </summary>
    private async Task<TaskOutcome> RunNestedAsync(NestedExecutionRequest child, string? traceParent)
    {
        int childDepth = (settings?.NestingDepth ?? 0) + 1;
        if (NestedExecutionLimit.Check(childDepth, child.StateMachine) is { } tooDeep)
        {
            return TaskOutcome.Failure(tooDeep);
        }

        string name = child.Name ?? context.NewGuid().ToString();
        string instanceId = child.StateMachine.Name + ":" + name;
        traceParent ??= context.IsReplaying ? null : trace?.CurrentTaskTraceParent; // the call was scheduled in an earlier episode
        DateTimeOffset startDate = UtcNow;
        string payload = context.IsReplaying ? string.Empty : DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, child.Definition, child.Input)
        {
            ExecutionName = name,
            StateMachineName = child.StateMachine.Name,
            ArnPrefix = child.StateMachine.ArnPrefix,
            MaxPayloadBytes = settings?.MaxPayloadBytes,
            MaxStateTransitions = settings?.MaxStateTransitions,
            NestingDepth = childDepth,
            SkipWaits = skipWaits ? true : null,
            MaxActionsPerGeneration = settings?.MaxActionsPerGeneration,
            MaxEventsPerGeneration = settings?.MaxEventsPerGeneration,
            TraceParent = traceParent,
        });
        Actions++;
        if (child.Pattern == NestedExecutionPattern.RequestResponse)
        {
            // Not a sub-orchestration: one the parent never awaits would hold it open until the child ends.
            string launch = context.IsReplaying ? string.Empty : DurableJson.Serialize(new DetachedExecutionInput(PayloadVersion.Current, instanceId, payload));
            try
            {
                await context.CallActivityAsync<string>(ActivityNames.StartExecution, launch);
            }
            catch (TaskFailedException e)
            {
                return TaskOutcome.Failure(TaskFailures.ToAslError(e.FailureDetails));
            }

            return NestedExecutionResults.Started(child.StateMachine.ExecutionArn(name), startDate);
        }

        Task<string> run = CallChildAsync(OrchestratorNames.StateMachine, payload, instanceId);
        ExecutionResult result;
        try
        {
            result = StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(await run));
        }
        catch (TaskFailedException e)
        {
            result = new ExecutionResult(ExecutionStatus.Failed, null, TaskFailures.ToAslError(e.FailureDetails) with { Error = StatesErrorNames.Runtime });
        }

        return NestedExecutionResults.Completed(child, name, startDate, UtcNow, result);
    }

    /// <summary>
    /// Gets a value indicating whether the execution terminates its open children itself once decided
    /// (<see cref="StateMachineOrchestrator"/>'s <c>closesOpenChildren</c>): a branch it abandoned then starts no child
    /// after that (nobody would terminate it); the self-hosts' closing service terminates such a child in the next episode.
    /// </summary>
    public bool ClosesOpenChildren { get; init; }

    /// <summary>Calls a child execution as a sub-orchestration, kept in <see cref="OpenChildren"/> until it answers.</summary>
    private async Task<string> CallChildAsync(string orchestrator, string payload, string instanceId)
    {
        if (ClosesOpenChildren && closing.IsCancellationRequested)
        {
            return await new TaskCompletionSource<string>().Task; // an abandoned branch: never answered, never read
        }

        openChildren.Add(instanceId);
        try
        {
            return await context.CallSubOrchestratorAsync<string>(orchestrator, payload, new SubOrchestrationOptions { InstanceId = instanceId });
        }
        finally
        {
            openChildren.Remove(instanceId);
        }
    }
}
