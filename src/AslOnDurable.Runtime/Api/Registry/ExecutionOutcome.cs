namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where an execution stands, in AWS's terms.</summary>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED or PENDING_REDRIVE.</param>
/// <param name="StopDate">When it closed, or <c>null</c> while running.</param>
public sealed record ExecutionOutcome(string Status, DateTimeOffset? StopDate)
{
    /// <summary>Gets the output text when it succeeded.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the error name when it failed, timed out or was aborted.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the cause when it failed, timed out or was aborted.</summary>
    public string? Cause { get; init; }

    /// <summary>
    /// Gets when the backend created the generation this outcome describes (the durable instance's created time: a
    /// redrive starts a new one), or <c>null</c> when the outcome does not come from the backend.
    /// </summary>
    public DateTimeOffset? GenerationCreated { get; init; }

    /// <summary>
    /// Gets a value indicating whether StopExecution stopped it (ABORTED at once, as AWS answers) and the backend has not
    /// applied the termination yet: its generation still runs there.
    /// </summary>
    public bool TerminationPending { get; init; }

    /// <summary>Gets the RUNNING outcome.</summary>
    public static ExecutionOutcome Running { get; } = new("RUNNING", null);
}
