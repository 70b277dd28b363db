using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Observability;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Runs one Standard workflow execution as a Durable Task orchestration: the ASL engine interprets the definition
/// against a <see cref="DurableExecutionHost"/>, so Task states become activity calls, Wait and Retry backoff
/// durable timers, and Parallel/inline Map branches concurrent tasks of this orchestration. Input and output are
/// JSON text (<see cref="StateMachineInput"/>, <see cref="StateMachineOutput"/>).
/// </summary>
/// <remarks>
/// The execution's <c>TimeoutSeconds</c> is a durable timer raced with the whole run: when it fires first the
/// execution ends <c>TIMED_OUT</c> with <c>States.Timeout</c> at once, even while an activity is still running (AWS
/// does the same). Long loops continue as new: once a generation has asked for
/// <see cref="StateMachineInput.MaxActionsPerGeneration"/> durable actions or recorded
/// <see cref="StateMachineInput.MaxEventsPerGeneration"/> ASL events, the engine stops at the next top-level state
/// boundary and the orchestration restarts with the checkpoint as <see cref="StateMachineInput.Continuation"/> (same
/// instance id, empty history), so history and replay cost stay bounded. DurableTask.Core marks the instance
/// completed only once no task is open: once the result is decided the run closes its history sink, cancels its timers
/// and sets <see cref="FinishedStatus"/>, and the self-host's service answers the activities and child executions it
/// abandoned (in a failed Parallel branch, past the deadline) so the instance completes at once
/// (<see cref="Hosting.OpenWork"/>); in the Functions app the Task activities watch that status and the orchestrator
/// terminates its open children itself (<c>closesOpenChildren</c>); past a timeout the activity also stops waiting for its handler
/// (<see cref="Activities.StateMachineTaskActivity"/>). A terminated orchestration is an <c>ABORTED</c> execution (see <see cref="Hosting.DurableStateMachineRunner"/>).
/// </remarks>
/// <param name="plans">Compiled definitions, shared by every execution of the host.</param>
/// <param name="historySinks">Gives a live sink for an instance id's ASL history events, or <c>null</c> for none.</param>
/// <param name="telemetry">Traces, metrics and the <c>loggingConfiguration</c> log (all fed only with events recorded
/// outside replay), or <c>null</c> for none.</param>
/// <param name="closesOpenChildren">
/// Whether a decided execution terminates the child executions it still has open itself, by a call of
/// <see cref="ActivityNames.CloseChildren"/> (the Functions app, whose orchestration service is the host's); the
/// self-hosts' closing service does it otherwise.
/// </param>
public sealed class StateMachineOrchestrator(
    ExecutionPlanCache plans, Func<string, IHistorySink?>? historySinks = null, ExecutionTelemetry? telemetry = null, bool closesOpenChildren = false)
    : TaskOrchestrator<string, string>
{
    /// <summary>
    /// Durable actions (task calls, timers) after which a generation continues as new when the input names no limit
    /// (executions started before starters wrote <see cref="StartMaxActionsPerGeneration"/>; kept so they replay unchanged).
    /// </summary>
    public const int DefaultMaxActionsPerGeneration = 100;

    /// <summary>
    /// The limit every starter writes into a new execution's input. Each episode replays the generation so far, so a
    /// sequence of n actions costs about n·k/2 replayed actions plus n/k continuations: measured on the in-memory
    /// backend and on Azurite (100 sequential tasks), 25 ran faster than 50 and 100 on both (see docs/ARCHITECTURE.md).
    /// </summary>
    public const int StartMaxActionsPerGeneration = 25;

    /// <summary>ASL history events after which a generation continues as new, unless the input says otherwise.</summary>
    public const int DefaultMaxEventsPerGeneration = 10_000;

    /// <summary>
    /// The custom status an execution sets once its result is decided: work it abandoned may still be open (a Task in a
    /// branch of a failed Parallel, a <c>.sync</c> child of a timed-out execution), and DurableTask.Core completes the
    /// instance only once none is; the self-host's orchestration service then answers that work as failed and stops
    /// its children (<see cref="Hosting.OpenWork"/>). Its own timers the execution cancels itself.
    /// </summary>
    public const string FinishedStatus = "asl:finished";

    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        StateMachineInput request = plans.StartRecords.Decode(context.InstanceId, input);
        PayloadVersion.EnsureReadable(request.Version, nameof(StateMachineInput));
        CompiledDefinition compiled = plans.Get(request.Definition);
        if (compiled.Plan is not { } plan)
        {
            AslError invalid = new(StatesErrorNames.Runtime, compiled.Problem);
            if (historySinks?.Invoke(context.InstanceId) is { } only)
            {
                ReplaySafeHistorySink.For(context, only).CloseWith(HistoryEventTypes.ExecutionFailed, context.CurrentUtcDateTime, invalid.Error, invalid.Cause);
            }

            return Serialize(new ExecutionResult(ExecutionStatus.Failed, null, invalid));
        }

        ExecutionRequest execution = new()
        {
            Input = request.Input?.DeepClone(), // the cached record is shared by every episode
            InputSizeBound = System.Text.Encoding.UTF8.GetByteCount(input), // the input's text is a part of the record's
            Name = request.ExecutionName ?? context.InstanceId,
        };
        execution = execution with
        {
            StateMachineName = request.StateMachineName ?? execution.StateMachineName,
            ArnPrefix = request.ArnPrefix ?? execution.ArnPrefix,
            RoleArn = request.RoleArn ?? execution.RoleArn,
        };
        ExecutionObservation? observed = telemetry?.Observe(new ExecutionLabels(
            context.InstanceId, execution.ExecutionArnFor(execution.Name!), execution.StateMachineName, request.TraceParent)
        {
            LogLevel = request.LogLevel,
            LogExecutionData = request.LogExecutionData == true,
        });
        ExecutionTrace? trace = observed?.Trace;
        IHistorySink? stored = historySinks?.Invoke(context.InstanceId);
        if (stored is INestedExecutionSink nested && request.NestingDepth > 0 && request.Continuation is null && !context.IsReplaying)
        {
            // A child: the API's history store keeps it in the execution index (no I/O here; the store's own work).
            nested.Started(new NestedExecutionStarted(
                context.InstanceId, execution.StateMachineName, execution.Name!, request.Definition, request.Input?.ToJsonString() ?? "null",
                request.RoleArn, context.CurrentUtcDateTime));
        }

        IHistorySink? sink = CompositeHistorySink.Of(stored, observed?.Sink);
        ReplaySafeHistorySink? history = sink is null ? null : ReplaySafeHistorySink.For(context, sink);
        history?.ContinueFrom(request.Continuation?.LastEventId ?? 0);
        try
        {
            return await RunPlanAsync(context, request, plan, execution, history, trace);
        }
        catch (Exception e) when (history is not null && e is not OperationCanceledException)
        {
            // A failure outside the interpreter fails the orchestration (FAILED, States.Runtime): its history says so too,
            // so the execution index learns it closed. Rethrown: the backend's failure stays what it was.
            history.CloseWith(HistoryEventTypes.ExecutionFailed, context.CurrentUtcDateTime, StatesErrorNames.Runtime, e.Message);
            throw;
        }
    }

    private async Task<string> RunPlanAsync(
        TaskOrchestrationContext context, StateMachineInput request, ExecutionPlan plan, ExecutionRequest execution, ReplaySafeHistorySink? history, ExecutionTrace? trace)
    {
        ExecutionOptions options = new()
        {
            MaxPayloadBytes = request.MaxPayloadBytes ?? ExecutionOptions.DefaultMaxPayloadBytes,
            MaxStateTransitions = request.MaxStateTransitions ?? ExecutionOptions.DefaultMaxStateTransitions,
            History = history,
        };

        StateMachineContinuation? continuation = request.Continuation;
        GenerationLimits limits = new(
            Math.Max(1, request.MaxActionsPerGeneration ?? DefaultMaxActionsPerGeneration),
            Math.Max(1, request.MaxEventsPerGeneration ?? DefaultMaxEventsPerGeneration));

        // The execution's deadline counts from its original start, whatever the generation.
        // A redrive resets it (AWS): it counts from the redrive then.
        DateTime start = continuation is null ? context.CurrentUtcDateTime : (continuation.RedriveTime ?? continuation.StartTime).UtcDateTime;
        DateTime deadline = plan.Definition.TimeoutSeconds is { } seconds ? start.AddSeconds(seconds) : DateTime.MaxValue;
        DurableExecutionHost host = new(
            context, request.SkipWaits == true, continuation?.Generation ?? 0, limits, TimeSpan.FromTicks(continuation?.SkippedTicks ?? 0), request, trace)
        {
            ExecutionDeadline = deadline == DateTime.MaxValue ? null : new DateTimeOffset(DateTime.SpecifyKind(deadline, DateTimeKind.Utc)),
            ClosesOpenChildren = closesOpenChildren,
        };
        Interpreter interpreter = new(plan);
        Task<ExecutionResult> run = continuation is null
            ? interpreter.RunAsync(execution, host, options).AsTask()
            : interpreter.ResumeAsync(ToCheckpoint(continuation), execution, host, options).AsTask();

        ExecutionResult result;
        if (deadline == DateTime.MaxValue || run.IsCompleted)
        {
            result = await run;
        }
        else
        {
            using CancellationTokenSource cancelTimer = new();
            Task timer = DurableTimers.WaitUntilAsync(context, deadline, cancelTimer.Token);
            if (await Task.WhenAny(run, timer) == timer)
            {
                // The engine records no closing event for a deadline it did not see: the orchestrator ends the history.
                history?.CloseWith(HistoryEventTypes.ExecutionTimedOut, context.CurrentUtcDateTime, StatesErrorNames.Timeout, null);
                Finish(context, host, history, closesOpenChildren);
                if (!context.IsReplaying)
                {
                    telemetry?.End(context.InstanceId, "TIMED_OUT", new AslError(StatesErrorNames.Timeout, null), context.CurrentUtcDateTime);
                }

                return Serialize(new ExecutionResult(ExecutionStatus.TimedOut, null, new AslError(StatesErrorNames.Timeout, null)));
            }

            // Cancel synchronously: CancelAsync runs the timer's cancellation callback on the thread pool, outside the
            // orchestrator's single thread, so the episode could end before the orchestration notices (it never would).
            #pragma warning disable CA1849 // Synchronous on purpose (replay rules).
            cancelTimer.Cancel();
            #pragma warning restore CA1849
            result = await run;
        }

        if (result is { Status: ExecutionStatus.ContinuedAsNew, Checkpoint: { } checkpoint })
        {
            // Same instance id, new execution id and empty history; clients waiting on the instance keep waiting.
            context.ContinueAsNew(DurableJson.Serialize(request with { Continuation = ToContinuation(checkpoint, (continuation?.Generation ?? 0) + 1, host.Skipped) }));
            return string.Empty;
        }

        Finish(context, host, history, closesOpenChildren);
        return Serialize(result);
    }

    /// <summary>
    /// The result is decided: abandoned branches record nothing more (a task's late answer, or the failure answering it,
    /// arrives in a later episode), their timers stop, and the instance says so (<see cref="FinishedStatus"/>).
    /// </summary>
    /// <remarks>
    /// With <paramref name="closeChildren"/>, child executions still open are terminated by an activity the orchestrator
    /// does not await (their answers, and its own, arrive in later episodes and are ignored); the instance completes once
    /// they and its abandoned Task activities (which watch <see cref="FinishedStatus"/>) have answered.
    /// </remarks>
    private static void Finish(TaskOrchestrationContext context, DurableExecutionHost host, ReplaySafeHistorySink? history, bool closeChildren)
    {
        history?.Close();
        host.Close();
        context.SetCustomStatus(FinishedStatus);
        if (closeChildren && host.OpenChildren.Count > 0)
        {
            string request = DurableJson.Serialize(new CloseChildrenInput(PayloadVersion.Current, [.. host.OpenChildren]));
            _ = context.CallActivityAsync<string>(ActivityNames.CloseChildren, request); // a failed request leaves the children to end by themselves
        }
    }

    private static ExecutionCheckpoint ToCheckpoint(StateMachineContinuation continuation) => new()
    {
        StateName = continuation.State,
        StateInput = continuation.StateInput?.DeepClone(), // the cached record is shared by every episode
        Variables = (JsonObject?)continuation.Variables?.DeepClone(),
        StartTime = continuation.StartTime,
        ExecutionName = continuation.ExecutionName,
        LastEventId = continuation.LastEventId,
        PreviousEventId = continuation.PreviousEventId,
        Steps = continuation.Steps ?? 0,
        RedriveCount = continuation.RedriveCount ?? 0,
        RedriveTime = continuation.RedriveTime,
        IsRedrive = continuation.Redrive == true,
        RedriveMapRunArn = continuation.RedriveMapRunArn,
        RedriveMapRunCount = continuation.RedriveMapRunCount ?? 0,
        RedriveChildren = (JsonObject?)continuation.RedriveChildren?.DeepClone(), // the engine takes nodes out of it
    };

    /// <summary>The continuation record of an engine checkpoint (continue-as-new, or a redrive's starting point).</summary>
    /// <param name="checkpoint">The checkpoint.</param>
    /// <param name="generation">The generation it starts.</param>
    /// <param name="skipped">Virtual time skipped so far (skip-waits mode).</param>
    /// <returns>The record stored in the next generation's input.</returns>
    internal static StateMachineContinuation ToContinuation(ExecutionCheckpoint checkpoint, int generation, TimeSpan skipped) =>
        new(generation, checkpoint.StateName, checkpoint.StartTime, checkpoint.ExecutionName, checkpoint.LastEventId, checkpoint.PreviousEventId)
        {
            StateInput = checkpoint.StateInput,
            Variables = checkpoint.Variables,
            SkippedTicks = skipped > TimeSpan.Zero ? skipped.Ticks : null,
            Steps = checkpoint.Steps > 0 ? checkpoint.Steps : null,
            RedriveCount = checkpoint.RedriveCount > 0 ? checkpoint.RedriveCount : null,
            RedriveTime = checkpoint.RedriveTime,
            Redrive = checkpoint.IsRedrive ? true : null,
            RedriveMapRunArn = checkpoint.IsRedrive ? checkpoint.RedriveMapRunArn : null,
            RedriveMapRunCount = checkpoint.IsRedrive && checkpoint.RedriveMapRunCount > 0 ? checkpoint.RedriveMapRunCount : null,
            RedriveChildren = checkpoint.IsRedrive ? checkpoint.RedriveChildren : null,
        };

    private static string Serialize(ExecutionResult result) => DurableJson.Serialize(StateMachineResults.ToOutput(result));
}
