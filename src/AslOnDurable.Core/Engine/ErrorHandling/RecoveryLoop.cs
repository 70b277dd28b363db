using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.Plan;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.ErrorHandling;

/// <summary>
/// The one Retry/Catch loop of Task, Parallel and Map states: run an attempt; on an error, stop if it is terminal
/// or the execution timed out, else wait the first matching retrier's backoff on a durable timer and try again
/// (updating <c>$$.State.RetryCount</c>), else hand the error to the catchers.
/// </summary>
internal static class RecoveryLoop
{
    /// <summary>Runs attempts of a state until it succeeds, is caught, or fails.</summary>
    /// <param name="state">The compiled state.</param>
    /// <param name="frame">The frame it runs in.</param>
    /// <param name="raw">The state's raw input.</param>
    /// <param name="attemptAsync">One attempt: a step, or the error it ended with.</param>
    /// <param name="runtimeErrorsAreFinal">
    /// Whether a <c>States.Runtime</c> error that reaches the loop as a value (a failed branch or iteration) is final
    /// even if a retrier names it; Task results named so stay retriable, as a task's own error.
    /// </param>
    public static async ValueTask<StepResult> RunAsync<TPlan>(
        TPlan state,
        ExecutionFrame frame,
        JsonNode? raw,
        Func<TPlan, ExecutionFrame, JsonNode?, ValueTask<(StepResult Step, AslError? Error)>> attemptAsync,
        bool runtimeErrorsAreFinal)
        where TPlan : IRecoverableStatePlan
    {
        RetryEvaluator? retry = null;
        while (true)
        {
            AslError error;
            try
            {
                var attempt = await attemptAsync(state, frame, raw);
                if (attempt.Error is null)
                {
                    return attempt.Step;
                }

                error = attempt.Error;
            }
            catch (AslErrorException e)
            {
                error = StateFailure.FromEvaluation(e.Error, frame);
                if (StateFailure.IsTerminal(e.Error))
                {
                    return StepResult.Fail(error);
                }
            }

            if (frame.Run.TimedOut || (runtimeErrorsAreFinal && error.Error == StatesErrorNames.Runtime))
            {
                return StepResult.Fail(error);
            }

            retry ??= new RetryEvaluator(state.Retry);
            if (retry.TryGetDelay(error, frame.Run.Host, out var delay))
            {
                if (delay > TimeSpan.Zero && !await frame.Run.WaitUntilAsync(frame.Run.Host.UtcNow + delay))
                {
                    return StepResult.Fail(new AslError(StatesErrorNames.Timeout, null));
                }

                frame.Environment.SetRetryCount(retry.TotalRetries);
                continue;
            }

            return CatchResolver.Resolve(state.Catch, frame, raw, error, state.IsJsonata);
        }
    }
}
