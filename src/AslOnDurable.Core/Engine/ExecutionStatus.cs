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

    /// <summary>
    /// Not an end: the host asked for a checkpoint and the run stopped between two top-level states; the result's
    /// <see cref="ExecutionResult.Checkpoint"/> resumes it (<see cref="Interpreter.ResumeAsync"/>). Still <c>RUNNING</c> for AWS.
    /// </summary>
    ContinuedAsNew,
}
