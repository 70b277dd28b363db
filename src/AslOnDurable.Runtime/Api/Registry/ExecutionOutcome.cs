namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>Where an execution stands, in AWS's terms.</summary>
/// <param name="Status">RUNNING, SUCCEEDED, FAILED, TIMED_OUT or ABORTED.</param>
/// <param name="StopDate">When it closed, or <c>null</c> while running.</param>
public sealed record ExecutionOutcome(string Status, DateTimeOffset? StopDate)
{
    /// <summary>Gets the output text when it succeeded.</summary>
    public string? Output { get; init; }

    /// <summary>Gets the error name when it failed, timed out or was aborted.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the cause when it failed, timed out or was aborted.</summary>
    public string? Cause { get; init; }

    /// <summary>Gets the RUNNING outcome.</summary>
    public static ExecutionOutcome Running { get; } = new("RUNNING", null);
}
