namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>One execution started through the API: its ARN, the durable instance that runs it and what it started with.</summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="InstanceId">The durable instance id (unique per state machine), or the ARN itself for EXPRESS runs.</param>
/// <param name="InputJson">The input text, as given.</param>
/// <param name="StartDate">When it was started.</param>
/// <param name="StateMachine">The state machine as it stood at the start (DescribeStateMachineForExecution).</param>
public sealed record ExecutionRecord(
    string ExecutionArn, string StateMachineArn, string Name, string InstanceId, string InputJson, DateTimeOffset StartDate, StateMachineRecord StateMachine)
{
    /// <summary>Gets the final state of an EXPRESS execution run in memory, or <c>null</c> (durable ones ask the backend).</summary>
    public ExecutionOutcome? Outcome { get; init; }

    /// <summary>Gets the version the execution runs, when started by a version or alias ARN.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>Gets the alias the execution was started by, or <c>null</c>.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Gets the error StopExecution was given, or <c>null</c>.</summary>
    public string? StopError { get; init; }

    /// <summary>Gets the cause StopExecution was given, or <c>null</c>.</summary>
    public string? StopCause { get; init; }

    /// <summary>Gets how many times RedriveExecution restarted the execution (0 when never).</summary>
    public int RedriveCount { get; init; }

    /// <summary>Gets when it was last redriven, or <c>null</c> when never.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>
    /// Gets the client tokens of its latest redrives with their dates (at most 10, newest last), so a repeated
    /// RedriveExecution with the same token answers the same redrive (AWS keeps them for 15 minutes).
    /// </summary>
    public IReadOnlyList<RedriveClientToken> RedriveClientTokens { get; init; } = [];

    /// <summary>Gets the map run that started the execution (a STANDARD map-run child), or <c>null</c>.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>
    /// Gets the status and stop date of a durable execution once it was seen closed (<see cref="IExecutionIndex.RecordClosedAsync(ExecutionRecord, ExecutionOutcome, CancellationToken)"/>),
    /// so ListExecutions need not ask the backend again; valid only for the generation it was seen in (see <see cref="KnownClosed"/>).
    /// </summary>
    public ExecutionOutcome? Closed { get; init; }

    /// <summary>Gets the <see cref="RedriveCount"/> when <see cref="Closed"/> was seen.</summary>
    public int ClosedAtRedriveCount { get; init; }

    /// <summary>
    /// Gets a value indicating whether the last redrive is recorded and its generation not known started (AWS's
    /// PENDING_REDRIVE): set by the redrive's compare-and-swap, which also keeps the closing of the generation before in
    /// <see cref="Closed"/> (<see cref="RedrivenFrom"/>); cleared once the backend accepted the start, or when
    /// DescribeExecution sees the new generation (a host stopped between the start and the clearing write).
    /// </summary>
    public bool PendingRedrive { get; init; }

    /// <summary>
    /// The closed status seen for this generation, or <c>null</c>: a redrive reopens the execution, so what was seen
    /// before it (at a lower redrive count) no longer holds.
    /// </summary>
    /// <returns>The status and stop date, or <c>null</c> when not known to be closed.</returns>
    public ExecutionOutcome? KnownClosed() => Closed is not null && ClosedAtRedriveCount == RedriveCount ? Closed : null;

    /// <summary>
    /// The closing of the generation before a pending redrive (<see cref="PendingRedrive"/>), as the redrive recorded it,
    /// or <c>null</c>: what the execution shows again when the redrive's claim lapses without a start.
    /// </summary>
    /// <returns>The status and stop date, or <c>null</c>.</returns>
    public ExecutionOutcome? RedrivenFrom() =>
        PendingRedrive && Closed is not null && ClosedAtRedriveCount == RedriveCount - 1 ? Closed : null;

    /// <summary>
    /// Whether a closing the backend shows belongs to a generation before the last recorded redrive. The host that
    /// redrives records the redrive (its date, whole milliseconds, from the same clock) before it asks the backend to start
    /// the next generation, so that generation is created at or after the redrive date, and every earlier one before it.
    /// The creation time tells generations apart; a stop time cannot, since a backend may stamp an earlier generation's
    /// closing (a termination it applies late) after the redrive was recorded. Without a creation time, the stop time
    /// is compared.
    /// </summary>
    /// <param name="outcome">Where the backend says the execution stands.</param>
    /// <returns>Whether the outcome is a closing from before the last redrive.</returns>
    public bool IsBeforeLastRedrive(ExecutionOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return RedriveDate is { } redriven
            && outcome.StopDate is { } stopped
            && (outcome.GenerationCreated is { } created ? created < redriven : stopped <= redriven);
    }
}
