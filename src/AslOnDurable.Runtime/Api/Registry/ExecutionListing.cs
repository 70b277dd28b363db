namespace AslOnDurable.Runtime.Api.Registry;

/// <summary>
/// What ListExecutions needs of one execution, as the execution index keeps it for paging (without the state machine's
/// definition and the input the full <see cref="ExecutionRecord"/> carries).
/// </summary>
/// <param name="ExecutionArn">The execution ARN.</param>
/// <param name="StateMachineArn">The state machine ARN.</param>
/// <param name="Name">The execution name.</param>
/// <param name="InstanceId">The durable instance id.</param>
/// <param name="StartDate">When it was started.</param>
/// <param name="Express">Whether it is an EXPRESS execution.</param>
public sealed record ExecutionListing(string ExecutionArn, string StateMachineArn, string Name, string InstanceId, DateTimeOffset StartDate, bool Express)
{
    /// <summary>The status the index lists an execution under while it does not know it closed.</summary>
    public const string NotKnownClosed = "RUNNING";

    /// <summary>
    /// The status the index lists an execution under while its last redrive is recorded and not known started
    /// (<see cref="ExecutionRecord.PendingRedrive"/>): AWS's PENDING_REDRIVE, until the redrive's claim lapses.
    /// </summary>
    public const string PendingRedrive = "PENDING_REDRIVE";

    /// <summary>Gets the version it was started by, or <c>null</c>.</summary>
    public string? StateMachineVersionArn { get; init; }

    /// <summary>Gets the alias it was started by, or <c>null</c>.</summary>
    public string? StateMachineAliasArn { get; init; }

    /// <summary>Gets how many times it was redriven.</summary>
    public int RedriveCount { get; init; }

    /// <summary>Gets when it was last redriven, or <c>null</c>.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>Gets the map run that started it, or <c>null</c>.</summary>
    public string? MapRunArn { get; init; }

    /// <summary>
    /// Gets the closed status the index knows for the current generation, <see cref="PendingRedrive"/>, or
    /// <see cref="NotKnownClosed"/>.
    /// </summary>
    public string Status { get; init; } = NotKnownClosed;

    /// <summary>
    /// Gets the closing of the generation before a pending redrive (<see cref="ExecutionRecord.RedrivenFrom"/>) while
    /// <see cref="Status"/> is <see cref="PendingRedrive"/>, else <c>null</c>.
    /// </summary>
    public ExecutionOutcome? RedrivenFrom { get; init; }

    /// <summary>Gets the stop date that goes with a known closed <see cref="Status"/>.</summary>
    public DateTimeOffset? StopDate { get; init; }

    /// <summary>Gets the error StopExecution was given, or <c>null</c>.</summary>
    public string? StopError { get; init; }

    /// <summary>Gets the cause StopExecution was given, or <c>null</c>.</summary>
    public string? StopCause { get; init; }

    /// <summary>Gets the position in the newest-first order (<see cref="KeyOf"/>): a page continues after it.</summary>
    public string Key => KeyOf(StartDate, ExecutionArn);

    /// <summary>The known closed outcome (status and stop date), or <c>null</c> when the index does not know it closed.</summary>
    /// <returns>The outcome, or <c>null</c>.</returns>
    public ExecutionOutcome? KnownClosed() => Status is NotKnownClosed or PendingRedrive ? null : new ExecutionOutcome(Status, StopDate);

    /// <summary>The listing of a record: the closed status it carries (an EXPRESS outcome, or one seen for this generation).</summary>
    /// <param name="record">The record.</param>
    /// <returns>The listing.</returns>
    public static ExecutionListing Of(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        ExecutionOutcome? closed = record.Outcome is { StopDate: not null } o ? o : record.KnownClosed();
        ExecutionOutcome? from = closed is null ? record.RedrivenFrom() : null;
        return new(record.ExecutionArn, record.StateMachineArn, record.Name, record.InstanceId, record.StartDate, record.StateMachine.Type == "EXPRESS")
        {
            StateMachineVersionArn = record.StateMachineVersionArn,
            StateMachineAliasArn = record.StateMachineAliasArn,
            RedriveCount = record.RedriveCount,
            RedriveDate = record.RedriveDate,
            MapRunArn = record.MapRunArn,
            Status = closed?.Status ?? (record.PendingRedrive ? PendingRedrive : NotKnownClosed),
            StopDate = closed?.StopDate,
            RedrivenFrom = from is null ? null : new ExecutionOutcome(from.Status, from.StopDate),
            StopError = record.StopError,
            StopCause = record.StopCause,
        };
    }

    /// <summary>
    /// The newest-first position of an execution: the start instant counted down (so later starts sort first), then the
    /// ARN (escaped as Table Storage keys are, so both stores order ties alike).
    /// </summary>
    /// <param name="startDate">When it started.</param>
    /// <param name="executionArn">Its ARN.</param>
    /// <returns>The key, ordered ordinally.</returns>
    public static string KeyOf(DateTimeOffset startDate, string executionArn) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{long.MaxValue - startDate.UtcTicks:D19}|{Integrations.DynamoDb.TableItemCodec.Escape(executionArn)}");

    /// <summary>Whether a text has the form of a key (<see cref="KeyOf"/>), as a continuation read from a client must.</summary>
    /// <param name="key">The text.</param>
    /// <returns>Whether it is one.</returns>
    public static bool IsKey(string key) =>
        key.Length > 20 && key[19] == '|' && key.AsSpan(0, 19).IndexOfAnyExceptInRange('0', '9') < 0;
}
