using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Maps what the task activity reported back to what the engine expects from a host.</summary>
internal static class TaskFailures
{
    /// <summary>Turns an activity result into the engine's outcome, or rethrows what the handler threw.</summary>
    /// <param name="result">The activity result.</param>
    /// <param name="outputSizeBound">
    /// At least the size of the result's output (the UTF-8 length of the text the result was read from), handed to the
    /// engine so it measures the output only when this is over the quota; <see langword="null"/> when unknown.
    /// </param>
    /// <returns>The outcome.</returns>
    /// <exception cref="AslErrorException">The handler threw one (the engine retries or catches it like any evaluation error).</exception>
    /// <exception cref="TaskHandlerCrashedException">The handler threw another exception (the engine reports <c>States.Runtime</c>).</exception>
    public static TaskOutcome ToOutcome(TaskActivityResult result, long? outputSizeBound = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        PayloadVersion.EnsureReadable(result.Version, nameof(TaskActivityResult));
        return result.Outcome switch
        {
            TaskActivityOutcomes.Succeeded => outputSizeBound is { } bound ? TaskOutcome.Success(result.Output, bound) : TaskOutcome.Success(result.Output),
            TaskActivityOutcomes.Failed => TaskOutcome.Failure(new AslError(result.Error ?? string.Empty, result.Cause)),
            TaskActivityOutcomes.TimedOut => TaskOutcome.TimedOut(heartbeat: result.Error == StatesErrorNames.HeartbeatTimeout),
            TaskActivityOutcomes.Thrown => throw new AslErrorException(result.Error ?? string.Empty, result.Cause),
            TaskActivityOutcomes.Crashed => throw new TaskHandlerCrashedException(result.Cause ?? string.Empty),
            TaskActivityOutcomes.AwaitingCallback => TaskOutcome.AwaitingCallback(),
            TaskActivityOutcomes.StartExecution when result.StartExecution is { } start => TaskOutcome.StartExecution(NestedExecutionPayloads.ToRequest(start)),
            _ => throw new NotSupportedException($"Unknown task activity outcome '{result.Outcome}'."),
        };
    }

    /// <summary>
    /// Maps a failure of the activity itself (not of the task handler, whose failures are values): the activity was
    /// not registered, its input could not be read, or the worker failed. AWS reports a failed integration as
    /// <c>States.TaskFailed</c>, which Retry and Catch can match.
    /// </summary>
    /// <param name="details">The failure details Durable Task recorded.</param>
    /// <returns><c>States.TaskFailed</c> with the failure's type and message as the cause.</returns>
    public static AslError ToAslError(TaskFailureDetails? details) =>
        details is null
            ? new AslError(StatesErrorNames.TaskFailed, null)
            : new AslError(StatesErrorNames.TaskFailed, $"{details.ErrorType}: {details.ErrorMessage}");
}
