namespace AslOnDurable.Runtime.Observability;

/// <summary>
/// AWS's <c>loggingConfiguration.level</c>: which execution history events a state machine logs.
/// </summary>
/// <remarks>
/// As AWS's "Log levels" table: <c>ALL</c> logs every event; <c>ERROR</c> the error events (every <c>…Failed</c>,
/// <c>…TimedOut</c> and <c>…Aborted</c> event, for example TaskFailed, LambdaFunctionTimedOut, MapIterationFailed,
/// ParallelStateAborted, ExecutionFailed, plus FailStateEntered); <c>FATAL</c> only ExecutionFailed, ExecutionTimedOut and
/// ExecutionAborted; <c>OFF</c> (the default) nothing.
/// </remarks>
public static class ExecutionLogLevels
{
    /// <summary><c>ALL</c></summary>
    public const string All = "ALL";

    /// <summary><c>ERROR</c></summary>
    public const string Error = "ERROR";

    /// <summary><c>FATAL</c></summary>
    public const string Fatal = "FATAL";

    /// <summary><c>OFF</c></summary>
    public const string Off = "OFF";

    /// <summary>The levels, as AWS spells them.</summary>
    public static IReadOnlyList<string> Names { get; } = [All, Error, Fatal, Off];

    /// <summary>Whether a level logs anything at all.</summary>
    /// <param name="level">The level (<see langword="null"/> is <c>OFF</c>).</param>
    /// <returns><see langword="true"/> for ALL, ERROR and FATAL.</returns>
    public static bool LogsAnything(string? level) => level is All or Error or Fatal;

    /// <summary>Whether a level logs an event type.</summary>
    /// <param name="level">The level (<see langword="null"/> is <c>OFF</c>).</param>
    /// <param name="eventType">The history event type.</param>
    /// <returns>Whether the event is logged.</returns>
    public static bool Logs(string? level, string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return level switch
        {
            All => true,
            Error => IsError(eventType),
            Fatal => IsFatal(eventType),
            _ => false,
        };
    }

    /// <summary>Whether an event type is one of the execution's own ends by failure (FATAL).</summary>
    /// <param name="eventType">The history event type.</param>
    /// <returns><see langword="true"/> for ExecutionFailed, ExecutionTimedOut and ExecutionAborted.</returns>
    public static bool IsFatal(string eventType) => eventType is "ExecutionFailed" or "ExecutionTimedOut" or "ExecutionAborted";

    /// <summary>Whether an event type is an error event (ERROR).</summary>
    /// <param name="eventType">The history event type.</param>
    /// <returns><see langword="true"/> for failed, timed-out and aborted events and FailStateEntered.</returns>
    public static bool IsError(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return eventType.EndsWith("Failed", StringComparison.Ordinal) || eventType.EndsWith("TimedOut", StringComparison.Ordinal)
            || eventType.EndsWith("Aborted", StringComparison.Ordinal) || eventType == "FailStateEntered";
    }
}
