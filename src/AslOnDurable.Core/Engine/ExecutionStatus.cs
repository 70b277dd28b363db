namespace AslOnDurable.Core.Engine;

/// <summary>How an execution ended, with AWS's status names.</summary>
public enum ExecutionStatus
{
    /// <summary><c>SUCCEEDED</c></summary>
    Succeeded,

    /// <summary><c>FAILED</c></summary>
    Failed,

    /// <summary><c>TIMED_OUT</c> (execution-level TimeoutSeconds).</summary>
    TimedOut,

    /// <summary><c>ABORTED</c></summary>
    Aborted,
}
