using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Converts between the engine's <see cref="ExecutionResult"/> and its history record <see cref="StateMachineOutput"/>.</summary>
public static class StateMachineResults
{
    /// <summary>The record of a result.</summary>
    /// <param name="result">The engine's result.</param>
    /// <returns>The record.</returns>
    public static StateMachineOutput ToOutput(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new StateMachineOutput(PayloadVersion.Current, result.StatusName)
        {
            Output = result.Output,
            Error = result.Error?.Error,
            Cause = result.Error?.Cause,
        };
    }

    /// <summary>The result a record describes.</summary>
    /// <param name="output">The record.</param>
    /// <returns>The engine's result.</returns>
    /// <exception cref="NotSupportedException">The record is from a newer build or has an unknown status.</exception>
    public static ExecutionResult ToResult(StateMachineOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        PayloadVersion.EnsureReadable(output.Version, nameof(StateMachineOutput));
        ExecutionStatus status = output.Status switch
        {
            "SUCCEEDED" => ExecutionStatus.Succeeded,
            "FAILED" => ExecutionStatus.Failed,
            "TIMED_OUT" => ExecutionStatus.TimedOut,
            "ABORTED" => ExecutionStatus.Aborted,
            _ => throw new NotSupportedException($"Unknown execution status '{output.Status}'."),
        };
        AslError? error = output.Error is null && output.Cause is null ? null : new AslError(output.Error ?? string.Empty, output.Cause);
        return new ExecutionResult(status, output.Output, error);
    }
}
