namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The values of <see cref="TaskCallbackEvent.Kind"/> (wire names: never rename).</summary>
public static class TaskCallbackKinds
{
    /// <summary>SendTaskSuccess: <see cref="TaskCallbackEvent.Output"/> is the task's result as JSON text.</summary>
    public const string Success = "success";

    /// <summary>SendTaskFailure: the task fails with <see cref="TaskCallbackEvent.Error"/> and <see cref="TaskCallbackEvent.Cause"/>.</summary>
    public const string Failure = "failure";

    /// <summary>SendTaskHeartbeat: the task's heartbeat clock starts again.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary>
    /// GetActivityTask: a worker (<see cref="TaskCallbackEvent.WorkerName"/>) took an activity task; the execution records
    /// <c>ActivityStarted</c> and the task's heartbeat clock starts.
    /// </summary>
    public const string Started = "started";
}
