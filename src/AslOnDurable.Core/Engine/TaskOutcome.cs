using System.Text.Json.Nodes;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine;

/// <summary>The outcome of one task attempt: a result, or an error the engine may retry or catch.</summary>
public sealed class TaskOutcome
{
    private TaskOutcome(JsonNode? result, AslError? error, bool isTimeout = false)
    {
        Result = result;
        Error = error;
        IsTimeout = isTimeout;
    }

    /// <summary>The raw result (before ResultSelector) when the task succeeded; owned by the engine.</summary>
    public JsonNode? Result { get; }

    /// <summary>The error when the task failed.</summary>
    public AslError? Error { get; }

    /// <summary>Whether the task failed.</summary>
    public bool IsFailure => Error is not null;

    /// <summary>
    /// Whether the host stopped the attempt because it ran past <c>TimeoutSeconds</c> or missed a heartbeat (history:
    /// <c>TaskTimedOut</c> rather than <c>TaskFailed</c>).
    /// </summary>
    public bool IsTimeout { get; }

    /// <summary>A successful outcome.</summary>
    /// <param name="result">The raw result, handed over to the engine.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Success(JsonNode? result) => new(result, null);

    /// <summary>A failed outcome.</summary>
    /// <param name="error">The error.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome Failure(AslError error) => new(null, error ?? throw new ArgumentNullException(nameof(error)));

    /// <summary>
    /// An attempt the host stopped: <c>States.Timeout</c> (ran past <c>TimeoutSeconds</c>) or
    /// <c>States.HeartbeatTimeout</c> (no heartbeat within <c>HeartbeatSeconds</c>).
    /// </summary>
    /// <param name="heartbeat">Whether the heartbeat, not the overall timeout, ran out.</param>
    /// <returns>The outcome.</returns>
    public static TaskOutcome TimedOut(bool heartbeat) =>
        new(null, new AslError(heartbeat ? StatesErrorNames.HeartbeatTimeout : StatesErrorNames.Timeout, null), isTimeout: true);
}
