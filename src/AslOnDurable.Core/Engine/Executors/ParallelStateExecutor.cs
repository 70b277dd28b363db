using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.ErrorHandling;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// Runs Parallel states: every branch gets its own copy of the input and an inner variable scope; the result is the
/// array of branch outputs in branch order. AWS: the first branch failure fails the state with that branch's error
/// (the other branches are stopped), then Retry/Catch of the Parallel state apply. A redrive's first attempt places the
/// outputs of the branches that succeeded before and runs only the others, from their unsuccessful step
/// (<see cref="ChildRedrive"/>).
/// </summary>
internal static class ParallelStateExecutor
{
    /// <summary>Runs the state.</summary>
    public static ValueTask<StepResult> ExecuteAsync(ParallelStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        return RecoveryLoop.RunAsync(state, frame, raw, static (s, f, r) => AttemptAsync(s, f, r), runtimeErrorsAreFinal: true);
    }

    private static async ValueTask<(StepResult Step, AslError? Error)> AttemptAsync(ParallelStatePlan state, ExecutionFrame frame, JsonNode? raw)
    {
        var environment = frame.Environment;
        JsonNode? branchInput;
        if (state.IsJsonata)
        {
            var states = JsonataStates.Create(raw, null, null, environment);
            try
            {
                branchInput = state.Arguments is not null ? state.Arguments.Evaluate(states, environment) : raw;
            }
            finally
            {
                JsonataStates.Release(states, environment);
            }
        }
        else
        {
            var effective = InputProcessor.ApplyInputPath(state, frame, raw);
            branchInput = state.Parameters is not null ? state.Parameters.Evaluate(effective, environment) : effective;
        }

        frame.Record(HistoryEventTypes.ParallelStateStarted);
        var branches = state.Branches;
        var outputs = new JsonNode?[branches.Length];
        var abort = new BranchAbort(frame.Abort);
        AslError? failure = null;
        var timedOut = false;
        var bounds = default(PayloadBound.ArraySum); // of the branches' outputs, while each is known
        var redrive = ChildRedrive.Take(frame, state.Name); // a redrive's first attempt: succeeded branches are kept, not run
        await BranchScheduler.RunAsync(
            branches.Length,
            0,
            (int index, out ExecutionFrame? child) =>
            {
                if (redrive is not null && redrive.TryTakeKept(index, out var keptOutcome))
                {
                    child = null;
                    return new ValueTask<BranchOutcome>(keptOutcome);
                }

                child = new ExecutionFrame(frame.Run, branches[index], environment.Scope.CreateChild(), abort) { LastEventId = frame.LastEventId };
                return redrive is null ? Interpreter.RunFrameAsync(child, branchInput?.DeepClone()) : redrive.RunAsync(child, index, branchInput?.DeepClone());
            },
            (index, outcome) =>
            {
                switch (outcome.Status)
                {
                    case ExecutionStatus.Succeeded:
                        outputs[index] = outcome.Output;
                        if (outcome.OutputBound is { } bound)
                        {
                            bounds.Add(bound);
                        }

                        return true;
                    case ExecutionStatus.TimedOut:
                        timedOut = true;
                        abort.Request();
                        return false;
                    case ExecutionStatus.Aborted:
                        return true;
                    default:
                        failure ??= outcome.Error;
                        abort.Request();
                        return false;
                }
            });

        frame.Environment.ForgetJsonataValues();

        if (timedOut)
        {
            return (StepResult.Fail(new AslError(StatesErrorNames.Timeout, null)), null);
        }

        if (failure is not null)
        {
            frame.RecordFailure(HistoryEventTypes.ParallelStateFailed, failure);
            return (default, failure);
        }

        frame.Record(HistoryEventTypes.ParallelStateSucceeded);
        JsonNode? result = new JsonArray(outputs);
        var known = bounds.Count == outputs.Length ? bounds.Array() : (PayloadBound?)null; // every branch's output brought one
        if (PayloadSizeGuard.Exceeds(result, frame.Run.Options.MaxPayloadBytes, known, out var resultBound))
        {
            return (default, new AslError(StatesErrorNames.DataLimitExceeded, $"The state/task '{state.Name}' returned a result with a size exceeding the maximum number of bytes service limit."));
        }

        if (state.IsJsonata)
        {
            return (StateCompletion.CompleteJsonata(frame, raw, result, true, state.JsonataAssign, state.Output, state.NextIndex).WithOutputBound(result, resultBound), null);
        }

        if (state.ResultSelector is not null)
        {
            result = state.ResultSelector.Evaluate(result, environment);
            resultBound = null;
        }

        return (StateCompletion.Complete(state, frame, raw, result, true, state.ResultPath, state.NextIndex).WithOutputBound(result, resultBound), null);
    }
}
