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
                if (IsTerminal(e, frame, out error))
                {
                    return StepResult.Fail(error);
                }
            }

            if (Decide(state, frame, raw, error, runtimeErrorsAreFinal, ref retry, out var delay) is { } final)
            {
                return final;
            }

            if (await WaitBeforeRetryAsync(frame, delay, retry!) is { } timedOut)
            {
                return timedOut;
            }
        }
    }

    /// <summary>
    /// An error an attempt raised: the state's error as it is reported (<paramref name="error"/>), and whether it is
    /// terminal (no Retry or Catch applies).
    /// </summary>
    public static bool IsTerminal(AslErrorException exception, ExecutionFrame frame, out AslError error)
    {
        error = StateFailure.FromEvaluation(exception.Error, frame);
        return StateFailure.IsTerminal(exception.Error);
    }

    /// <summary>
    /// What follows a failed attempt: the final step (failed, or caught), or <see langword="null"/> to retry after
    /// <paramref name="delay"/>. The one place Retry and Catch are decided, for every state that has them.
    /// </summary>
    public static StepResult? Decide<TPlan>(
        TPlan state, ExecutionFrame frame, JsonNode? raw, AslError error, bool runtimeErrorsAreFinal, ref RetryEvaluator? retry, out TimeSpan delay)
        where TPlan : IRecoverableStatePlan
    {
        delay = TimeSpan.Zero;
        if (frame.Run.TimedOut || (runtimeErrorsAreFinal && error.Error == StatesErrorNames.Runtime))
        {
            return StepResult.Fail(error);
        }

        retry ??= new RetryEvaluator(state.Retry);
        return retry.TryGetDelay(error, frame.Run.Host, out delay)
            ? null
            : CatchResolver.Resolve(state.Catch, frame, raw, error, state.IsJsonata);
    }

    /// <summary>Waits a retrier's backoff on a durable timer and updates <c>$$.State.RetryCount</c>; a failed step if the execution timed out meanwhile.</summary>
    public static async ValueTask<StepResult?> WaitBeforeRetryAsync(ExecutionFrame frame, TimeSpan delay, RetryEvaluator retry)
    {
        if (frame.Run.CountStep() is { } overLimit)
        {
            return StepResult.Fail(overLimit);
        }

        if (delay > TimeSpan.Zero && !await frame.Run.WaitUntilAsync(frame.Run.Host.UtcNow + delay))
        {
            return StepResult.Fail(new AslError(StatesErrorNames.Timeout, null));
        }

        frame.Environment.SetRetryCount(retry.TotalRetries);
        return null;
    }
}
