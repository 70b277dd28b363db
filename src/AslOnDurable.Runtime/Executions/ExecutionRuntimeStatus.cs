namespace AslOnDurable.Runtime.Executions;

/// <summary>The runtime status of a durable instance, independent of the client that reported it.</summary>
public enum ExecutionRuntimeStatus
{
    /// <summary>Scheduled but not started.</summary>
    Pending,

    /// <summary>Running (or waiting on a timer, activity or event).</summary>
    Running,

    /// <summary>Finished with an output.</summary>
    Completed,

    /// <summary>Restarted itself with new input; a new generation is running.</summary>
    ContinuedAsNew,

    /// <summary>Finished with a failure.</summary>
    Failed,

    /// <summary>Cancelled (legacy status).</summary>
    Canceled,

    /// <summary>Stopped by a terminate request.</summary>
    Terminated,

    /// <summary>Suspended by a suspend request.</summary>
    Suspended,
}
