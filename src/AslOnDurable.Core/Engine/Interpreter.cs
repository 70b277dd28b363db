using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Context;
using AslOnDurable.Core.Engine.Executors;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>
/// Runs executions of one compiled definition against an <see cref="IExecutionHost"/>. Stateless between
/// executions: one instance may run many executions, also concurrently.
/// </summary>
/// <param name="plan">The compiled definition.</param>
public sealed class Interpreter(ExecutionPlan plan)
{
    private static readonly ExecutionOptions DefaultOptions = new();

    /// <summary>The compiled definition.</summary>
    public ExecutionPlan Plan { get; } = plan;

    /// <summary>Runs one execution to its end.</summary>
    /// <param name="request">The input and names.</param>
    /// <param name="host">Time, ids, randomness, timers and task calls.</param>
    /// <param name="options">Quota and history settings.</param>
    /// <returns>How the execution ended. Failures are results, never exceptions.</returns>
    public async ValueTask<ExecutionResult> RunAsync(ExecutionRequest request, IExecutionHost host, ExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(host);
        options ??= DefaultOptions;
        var run = new ExecutionRun(request, host, options, Plan.Definition.TimeoutSeconds);
        var recording = run.History.IsEnabled;
        run.History.Record(HistoryEventTypes.ExecutionStarted, 0, recording ? new JsonObject { ["input"] = HistoryRecorder.Text(request.Input), ["roleArn"] = run.RoleArn } : null);
        var inputBound = request.InputSizeBound;
        if (!(inputBound <= options.MaxPayloadBytes) && CheckPayload(request.Input, options.MaxPayloadBytes, "input", out inputBound) is { } inputError)
        {
            return Finish(run, new BranchOutcome(ExecutionStatus.Failed, null, inputError));
        }

        var frame = new ExecutionFrame(run, Plan.Root, new VariableScope(null, new VariableSizeBudget(options)), null) { IsRoot = true, InputSizeBound = inputBound };
        return await RunTopLevelAsync(run, frame, request.Input, Plan.Root.StartIndex);
    }

    /// <summary>
    /// Continues an execution from a checkpoint a previous run returned (<see cref="ExecutionStatus.ContinuedAsNew"/>):
    /// enters the checkpoint's state with its input and variables, numbering history events on from where the run
    /// stopped, with the original start time (so <c>$$</c> and the execution's TimeoutSeconds deadline are unchanged).
    /// No ExecutionStarted event is recorded again; a redrive (<see cref="ExecutionCheckpoint.IsRedrive"/>, built by
    /// <see cref="History.RedriveCheckpoints"/>) records ExecutionRedriven first.
    /// </summary>
    /// <param name="checkpoint">Where the previous run stopped (its JSON values are handed over to the engine).</param>
    /// <param name="request">The original request: its input is <c>$$.Execution.Input</c>; the execution name comes from the checkpoint.</param>
    /// <param name="host">Time, ids, randomness, timers and task calls.</param>
    /// <param name="options">Quota and history settings.</param>
    /// <returns>How the execution ended, or another checkpoint. Failures are results, never exceptions.</returns>
    /// <exception cref="ArgumentException">The checkpoint names a state the definition has no top-level state for.</exception>
    public async ValueTask<ExecutionResult> ResumeAsync(ExecutionCheckpoint checkpoint, ExecutionRequest request, IExecutionHost host, ExecutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(host);
        if (!Plan.Root.Indexes.TryGetValue(checkpoint.StateName, out var index))
        {
            throw new ArgumentException($"The checkpoint's state '{checkpoint.StateName}' is not a top-level state of this definition.", nameof(checkpoint));
        }

        options ??= DefaultOptions;
        var run = new ExecutionRun(request, host, options, Plan.Definition.TimeoutSeconds, checkpoint);
        var scope = new VariableScope(null, new VariableSizeBudget(options));
        if (checkpoint.Variables is { } variables)
        {
            scope.Restore(variables);
        }

        var frame = new ExecutionFrame(run, Plan.Root, scope, null) { IsRoot = true, LastEventId = checkpoint.PreviousEventId };
        if (checkpoint.IsRedrive)
        {
            frame.Record(HistoryEventTypes.ExecutionRedriven, run.History.IsEnabled ? new JsonObject { ["redriveCount"] = checkpoint.RedriveCount } : null);
            if (checkpoint.RedriveChildren is { } children)
            {
                frame.ExpectRedrive(checkpoint.StateName, children);
            }
        }

        return await RunTopLevelAsync(run, frame, checkpoint.StateInput, index);
    }

    private static async ValueTask<ExecutionResult> RunTopLevelAsync(ExecutionRun run, ExecutionFrame frame, JsonNode? input, int startIndex)
    {
        var outcome = await RunFrameAsync(frame, input, startIndex);
        if (outcome.Status == ExecutionStatus.ContinuedAsNew)
        {
            var checkpoint = new ExecutionCheckpoint
            {
                StateName = frame.Plan.States[outcome.NextIndex].Name,
                StateInput = outcome.Output,
                Variables = frame.Environment.Scope.Snapshot(),
                StartTime = run.StartTime,
                ExecutionName = run.Name,
                LastEventId = run.History.LastId,
                PreviousEventId = frame.LastEventId,
                Steps = run.Steps,
                RedriveCount = run.RedriveCount,
                RedriveTime = run.RedriveTime,
            };
            return new ExecutionResult(ExecutionStatus.ContinuedAsNew, null, null) { Checkpoint = checkpoint };
        }

        if (outcome.Status == ExecutionStatus.Succeeded && outcome.OutputBound?.ProvesWithin(run.Options.MaxPayloadBytes) != true
            && CheckPayload(outcome.Output, run.Options.MaxPayloadBytes, "output", out _) is { } outputError)
        {
            outcome = new BranchOutcome(ExecutionStatus.Failed, null, outputError);
        }

        return Finish(run, outcome);
    }

    /// <summary>
    /// The execution's input or output against the payload quota and the depth limit, or null when it passes (then with
    /// an upper bound of its size, see <see cref="ExecutionFrame.InputSizeBound"/>).
    /// </summary>
    private static AslError? CheckPayload(JsonNode? payload, int limit, string what, out long? bound)
    {
        bound = null;
        try
        {
            return PayloadSizeGuard.Exceeds(payload, limit, out bound)
                ? new AslError(StatesErrorNames.DataLimitExceeded, $"The execution {what} exceeds the maximum number of bytes service limit.")
                : null;
        }
        catch (AslErrorException e)
        {
            return e.Error;
        }
    }

    /// <summary>Runs one frame (top level, Parallel branch or Map iteration) from its StartAt to its end.</summary>
    /// <remarks>The one place where unexpected .NET exceptions become <c>States.Runtime</c>.</remarks>
    internal static ValueTask<BranchOutcome> RunFrameAsync(ExecutionFrame frame, JsonNode? input) => RunFrameAsync(frame, input, frame.Plan.StartIndex);

    /// <summary>Runs one frame from the state at <paramref name="startIndex"/> to its end (or, at the top level, to a checkpoint).</summary>
    /// <remarks>The one place where unexpected .NET exceptions become <c>States.Runtime</c>.</remarks>
    internal static async ValueTask<BranchOutcome> RunFrameAsync(ExecutionFrame frame, JsonNode? input, int startIndex)
    {
        // The frame's run, plan and environment are read from the frame, not kept in locals: locals live across an await
        // are fields of the async box, allocated once per frame (every Map iteration and Parallel branch, every episode).
        var recording = frame.Run.History.IsEnabled;
        var index = startIndex;
        var current = input;
        HeldJsonataValue? held = null; // the current input held as the evaluator's value, its node not built (then current is null)
        ReadOnlyMemory<byte> currentText = default; // the previous StateExited text is the next StateEntered input: serialize once (never empty: JSON text)
        var currentTextOfHeld = false; // whether currentText was written from held (then an output holding it can copy it)
        var currentTextChanges = 0; // JsonataValue.InPlaceChanges read before currentText was written from held
        BranchOutcome ended = default; // what the frame returns, reported in the end to a scheduler waiting for it
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? failure = null;
        try
        {
            while (true)
            {
                if (frame.Run.CheckDeadline())
                {
                    return ended = new BranchOutcome(ExecutionStatus.TimedOut, null, new AslError(StatesErrorNames.Timeout, null));
                }

                if (frame.Abort is { IsRequested: true })
                {
                    return ended = new BranchOutcome(ExecutionStatus.Aborted, null, null);
                }

                if (frame.Run.CountStep() is { } overLimit)
                {
                    return ended = new BranchOutcome(ExecutionStatus.Failed, null, overLimit);
                }

                var state = frame.Plan.States[index];
                if (held is not null && !state.TakesHeldInput)
                {
                    current = Materialize(frame.Environment, held);
                    held = null;
                    currentTextOfHeld = false;
                }

                var entered = frame.Run.Host.UtcNow; // one clock read: the entered event's timestamp and the context's EnteredTime
                var stateInput = current;
                if (recording && currentText.IsEmpty)
                {
                    currentText = frame.PayloadText(current);
                    currentTextOfHeld = false;
                }

                var stateInputText = currentText;
                var inPlaceChanges = held is not null ? Jsonata.JsonataValue.InPlaceChanges : 0; // a held input's text stays its text while this stays
                var enteredId = recording
                    ? frame.RecordEntered(state.EnteredEventType, state.Name, stateInputText, entered)
                    : frame.Record(state.EnteredEventType);
                frame.Environment.Enter(state.Name, entered, enteredId, state is TaskStatePlan or ParallelStatePlan or MapStatePlan);
                if (held is not null)
                {
                    frame.Environment.HoldInput(held);
                }

                StepResult step;
                try
                {
                    ValueTask<StepResult> pending;
                    if (state is not TaskStatePlan task)
                    {
                        pending = StateExecutor.ExecuteAsync(state, frame, current);
                    }
                    else if (TaskStateExecutor.TryCall(task, frame, current, out var call, out var endedEarly))
                    {
                        // The call is awaited in this frame: a Task state suspends (durably, once per episode) without an
                        // async frame of its own, each of which costs a box and a resumption on the orchestrator's context.
                        // Nothing here is assigned before the await and read after it (the state is read back as a
                        // TaskStatePlan), so none of it is a field of the box.
                        TaskOutcome? outcome;
                        AslErrorException? thrown;
                        try
                        {
                            outcome = call.IsCompletedSuccessfully ? call.Result : await call;
                            thrown = null;
                        }
                        catch (AslErrorException e)
                        {
                            outcome = null;
                            thrown = e;
                        }

                        var answered = (TaskStatePlan)state;
                        pending = thrown is null ? TaskStateExecutor.Answered(answered, frame, current, outcome!) : TaskStateExecutor.Recover(answered, frame, current, thrown);
                    }
                    else
                    {
                        pending = endedEarly;
                    }

                    step = pending.IsCompletedSuccessfully ? pending.Result : await pending;
                }
                catch (AslErrorException e)
                {
                    step = StepResult.Fail(StateFailure.FromEvaluation(e.Error, frame));
                }
#pragma warning disable CA1031 // The one boundary where unexpected exceptions become States.Runtime (conventions rule 5).
                catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
                {
                    step = StepResult.Fail(StateFailure.FromEvaluation(new AslError(StatesErrorNames.Runtime, e.Message), frame));
                }

                frame.InputSizeBound = null; // it bounded the frame's first input only

                switch (step.Kind)
                {
                    case StepKind.Next:
                        // A Choice state never changes its input: passed on as the same node, its text is the entered one's.
                        // Nor does a JSONata state without Output change a held input it passes on as it came (the same
                        // value: values are never changed, unless in place by a $transform meanwhile, which writes it again).
                        var unchanged = held is null
                            ? state is ChoiceStatePlan && step.Held is null && ReferenceEquals(step.Output, current)
                            : ReferenceEquals(step.Held, held) && Jsonata.JsonataValue.InPlaceChanges == inPlaceChanges;
                        var heldInput = held; // the state's held input, whose text is stateInputText when currentTextOfHeld
                        held = step.Held;
                        current = step.Output;
                        if (recording)
                        {
                            currentText = RecordNextExit(frame, state, unchanged, heldInput, stateInput, stateInputText, held, current, ref currentTextOfHeld, ref currentTextChanges);
                        }
                        else
                        {
                            frame.Record(state.ExitedEventType);
                        }

                        index = step.NextIndex;
                        if (frame.IsRoot && frame.Run.Host.ShouldCheckpoint(frame.Run.History.LastId - frame.Run.FirstEventId))
                        {
                            return ended = new BranchOutcome(ExecutionStatus.ContinuedAsNew, held?.Node ?? current, null, index);
                        }

                        continue;
                    case StepKind.End:
                        var output = step.OutputNode;
                        if (recording)
                        {
                            frame.RecordExited(state.ExitedEventType, state.Name, frame.ExitedText(state, stateInput, stateInputText, output), state is WaitStatePlan, frame.Environment.Scope.TakeCommitted());
                        }
                        else
                        {
                            frame.Record(state.ExitedEventType);
                        }

                        return ended = new BranchOutcome(ExecutionStatus.Succeeded, output, null) { OutputBound = output is null ? PayloadBound.Null : step.OutputBound };
                    default:
                        return ended = frame.Run.TimedOut
                            ? new BranchOutcome(ExecutionStatus.TimedOut, null, new AslError(StatesErrorNames.Timeout, null))
                            : new BranchOutcome(ExecutionStatus.Failed, null, step.Error);
                }
            }
        }
#pragma warning disable CA1031 // Not swallowed: rethrown; a scheduler waiting for this frame's report gets it too.
        catch (Exception e)
#pragma warning restore CA1031
        {
            failure = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            throw;
        }
        finally
        {
            // The frame's variables stop counting toward the execution's total when it ends (AWS discards a branch's or
            // iteration's variables then; the top level's go to a checkpoint, which measures them again on resume).
            frame.Environment.Scope.Release();
            frame.Ended(ended, failure);
        }
    }

    /// <summary>
    /// Records the exit of a state that goes on to another (history on) and returns its text, the next state's input text:
    /// a held output is written as the node it would become, without building it (the next state that reads nodes builds
    /// it, as with history off), copying the input's text where it holds it.
    /// </summary>
    /// <remarks>Out of the frame loop: its temporaries would widen the loop's stack frame, zeroed on every resumption.</remarks>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static ReadOnlyMemory<byte> RecordNextExit(
        ExecutionFrame frame, StatePlan state, bool unchanged, HeldJsonataValue? heldInput, JsonNode? stateInput, ReadOnlyMemory<byte> stateInputText,
        HeldJsonataValue? held, JsonNode? current, ref bool currentTextOfHeld, ref int currentTextChanges)
    {
        ReadOnlyMemory<byte> text;
        if (unchanged)
        {
            text = stateInputText;
        }
        else if (held is not null)
        {
            Jsonata.JsonataValueText inputText = heldInput is not null && currentTextOfHeld ? new(heldInput.Value, stateInputText, currentTextChanges) : default;
            currentTextChanges = Jsonata.JsonataValue.InPlaceChanges;
            text = frame.PayloadText(held, in inputText);
            currentTextOfHeld = true;
        }
        else
        {
            text = frame.ExitedText(state, stateInput, stateInputText, current);
            currentTextOfHeld = false;
        }

        frame.RecordExited(state.ExitedEventType, state.Name, text, state is WaitStatePlan, frame.Environment.Scope.TakeCommitted());
        return text;
    }

    /// <summary>
    /// Builds the node of an input held as the evaluator's value, for a state that reads nodes; the frame's JSONata
    /// conversions take the held value for it while it stays unchanged.
    /// </summary>
    private static JsonNode Materialize(StateEnvironment environment, HeldJsonataValue held)
    {
        var node = held.Node;
        environment.JsonataCache.Built(node, held.Value);
        return node;
    }

    private static ExecutionResult Finish(ExecutionRun run, BranchOutcome outcome)
    {
        var recording = run.History.IsEnabled;
        switch (outcome.Status)
        {
            case ExecutionStatus.Succeeded:
                _ = recording
                    ? run.History.RecordPayload(HistoryEventTypes.ExecutionSucceeded, 0, null, "output", outcome.Output)
                    : run.History.Record(HistoryEventTypes.ExecutionSucceeded, 0);
                return new ExecutionResult(ExecutionStatus.Succeeded, outcome.Output, null);
            case ExecutionStatus.TimedOut:
                _ = recording && outcome.Error is { } timeout ? run.History.RecordFailure(HistoryEventTypes.ExecutionTimedOut, 0, timeout) : run.History.Record(HistoryEventTypes.ExecutionTimedOut, 0);
                return new ExecutionResult(ExecutionStatus.TimedOut, null, outcome.Error);
            default:
                var error = outcome.Error is { Error: "" } e ? (e.Cause is null ? null : e) : outcome.Error;
                _ = recording && error is not null ? run.History.RecordFailure(HistoryEventTypes.ExecutionFailed, 0, error) : run.History.Record(HistoryEventTypes.ExecutionFailed, 0);
                return new ExecutionResult(ExecutionStatus.Failed, null, error);
        }
    }
}
