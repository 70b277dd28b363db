namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The values of <see cref="TaskActivityResult.Outcome"/> (wire names: never rename).</summary>
public static class TaskActivityOutcomes
{
    /// <summary>The handler returned a result.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>The handler returned a failure (the engine may retry or catch it).</summary>
    public const string Failed = "failed";

    /// <summary>The handler reported a timeout (<c>States.Timeout</c> or <c>States.HeartbeatTimeout</c> in <c>Error</c>).</summary>
    public const string TimedOut = "timedOut";

    /// <summary>The handler threw an <c>AslErrorException</c> (the engine treats it as an evaluation error).</summary>
    public const string Thrown = "thrown";

    /// <summary>The handler threw another exception (the engine turns it into <c>States.Runtime</c>).</summary>
    public const string Crashed = "crashed";

    /// <summary>
    /// The handler asked to start another state machine (<c>states:startExecution</c>): the definition is resolved and
    /// travels in <see cref="TaskActivityResult.StartExecution"/>; the orchestrator starts it as a sub-orchestration.
    /// </summary>
    public const string StartExecution = "startExecution";

    /// <summary>
    /// The handler passed the task token on and the answer comes later by callback (<c>.waitForTaskToken</c>): the
    /// orchestrator waits for a <see cref="TaskCallbackEvent"/> within the Task's timeout and heartbeat.
    /// </summary>
    public const string AwaitingCallback = "awaitingCallback";
}
