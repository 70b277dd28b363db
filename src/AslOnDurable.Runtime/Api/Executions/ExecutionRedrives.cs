using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Whether a closed execution can be redriven (DescribeExecution's <c>redriveStatus</c> and <c>redriveStatusReason</c>,
/// RedriveExecution's <c>ExecutionNotRedrivable</c>), and where the redrive restarts it.
/// </summary>
/// <remarks>
/// AWS: a STANDARD execution that ended FAILED, TIMED_OUT or ABORTED can be redriven within 14 days of its end, within a
/// year of its start, while its history stays under 25,000 events. The reasons are AWS's texts where it has one; ours
/// add that this process must hold the execution's history (it says where the execution stopped).
/// </remarks>
internal static class ExecutionRedrives
{
    /// <summary>AWS's <c>REDRIVABLE</c>.</summary>
    public const string Redrivable = "REDRIVABLE";

    /// <summary>AWS's <c>NOT_REDRIVABLE</c>.</summary>
    public const string NotRedrivable = "NOT_REDRIVABLE";

    /// <summary>
    /// AWS's <c>REDRIVABLE_BY_MAP_RUN</c>: an unsuccessful child execution of a map run, which a redrive of the parent
    /// execution (its map run) runs again; RedriveExecution refuses it.
    /// </summary>
    public const string RedrivableByMapRun = "REDRIVABLE_BY_MAP_RUN";

    /// <summary>How long after its end an execution can be redriven (AWS: 14 days).</summary>
    public static readonly TimeSpan RedrivablePeriod = TimeSpan.FromDays(14);

    /// <summary>How long after its start an execution can still run (AWS: one year).</summary>
    public static readonly TimeSpan MaxOpenTime = TimeSpan.FromDays(365);

    /// <summary>
    /// How long a recorded redrive whose new generation the backend does not show yet (AWS's PENDING_REDRIVE) keeps every
    /// other redrive away: its host starts that generation right after recording it, but may have stopped in between.
    /// </summary>
    public static readonly TimeSpan PendingRedriveClaim = TimeSpan.FromMinutes(5);

    /// <summary>AWS's <c>PENDING_REDRIVE</c> execution status: redriven, and its new generation not started yet.</summary>
    public const string PendingRedriveStatus = ExecutionListing.PendingRedrive;

    /// <summary>
    /// Whether the execution's last redrive is recorded but its generation not yet seen (AWS's PENDING_REDRIVE): the backend
    /// still shows an earlier generation's closing (<see cref="ExecutionRecord.IsBeforeLastRedrive"/>), and the redrive is younger than
    /// <see cref="PendingRedriveClaim"/> (after that, its host is taken to have stopped before the start: the redrive lapsed).
    /// </summary>
    /// <param name="execution">The execution as read from the index.</param>
    /// <param name="outcome">Where the backend says it stands.</param>
    /// <param name="now">The instant of the check.</param>
    /// <returns>Whether a redrive is pending.</returns>
    public static bool IsPendingRedrive(ExecutionRecord execution, ExecutionOutcome outcome, DateTimeOffset now) =>
        execution.IsBeforeLastRedrive(outcome) && ClaimHolds(execution.RedriveDate!.Value, now);

    /// <summary>Whether a redrive recorded at <paramref name="redriveDate"/> still claims the execution at <paramref name="now"/>.</summary>
    /// <param name="redriveDate">The recorded redrive's date.</param>
    /// <param name="now">The instant of the check.</param>
    /// <returns>Whether it is younger than <see cref="PendingRedriveClaim"/>.</returns>
    public static bool ClaimHolds(DateTimeOffset redriveDate, DateTimeOffset now) => now - redriveDate < PendingRedriveClaim;

    /// <summary>
    /// Where a listed execution stands at <paramref name="now"/> and how many of its redrives started, from the index
    /// alone (ListExecutions asks no backend): a redrive not known started (<see cref="ExecutionListing.PendingRedrive"/>)
    /// is PENDING_REDRIVE (no stop date) while its claim holds, and once it lapsed (its host stopped before the start) the
    /// execution shows the closing it had before, as DescribeExecution does from the backend; neither counts that redrive.
    /// </summary>
    /// <param name="listing">The execution as the index lists it.</param>
    /// <param name="now">The instant of the listing.</param>
    /// <returns>The status with its stop date, and the started redrives.</returns>
    public static (ExecutionOutcome Outcome, int RedriveCount) Listed(ExecutionListing listing, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(listing);
        if (listing.KnownClosed() is { } closed)
        {
            return (closed, listing.RedriveCount);
        }

        if (listing.Status != PendingRedriveStatus || listing.RedriveDate is not { } redriven)
        {
            return (ExecutionOutcome.Running, listing.RedriveCount);
        }

        ExecutionOutcome shown = ClaimHolds(redriven, now) || listing.RedrivenFrom is not { } earlier
            ? new ExecutionOutcome(PendingRedriveStatus, null)
            : earlier;
        return (shown, listing.RedriveCount - 1);
    }

    /// <summary>
    /// The record of a redrive recorded at <paramref name="now"/> and not started yet (<see cref="ExecutionRecord.PendingRedrive"/>:
    /// ListExecutions shows PENDING_REDRIVE until the start is accepted): one more redrive than started, and the closing
    /// the backend shows kept as <see cref="ExecutionRecord.RedrivenFrom"/> (what a lapsed claim shows again).
    /// </summary>
    /// <param name="execution">The execution as read from the index.</param>
    /// <param name="outcome">Where the backend says it stands (closed).</param>
    /// <param name="now">The redrive's instant.</param>
    /// <returns>The record to write by compare-and-swap.</returns>
    public static ExecutionRecord Claimed(ExecutionRecord execution, ExecutionOutcome outcome, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(outcome);
        int started = StartedRedrives(execution, outcome);
        return execution with
        {
            RedriveCount = started + 1,
            RedriveDate = now,
            PendingRedrive = true,
            Closed = new ExecutionOutcome(outcome.Status, outcome.StopDate),
            ClosedAtRedriveCount = started,
        };
    }

    /// <summary>
    /// Clears <see cref="ExecutionRecord.PendingRedrive"/> once the redriven generation is known started (the backend
    /// accepted its start, or shows it): by compare-and-swap, re-read when a closing or a stop changed the record meanwhile,
    /// and left alone once another redrive replaced this one.
    /// </summary>
    /// <param name="executions">The execution index.</param>
    /// <param name="record">The record as read or written, with the redrive pending.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record as it now stands in the index (<paramref name="record"/> when it could not be read again).</returns>
    public static async Task<ExecutionRecord> MarkStartedAsync(IExecutionIndex executions, ExecutionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(record);
        DateTimeOffset? redriven = record.RedriveDate;
        for (int attempt = 0; attempt < 10 && record.PendingRedrive && record.RedriveDate == redriven; attempt++)
        {
            ExecutionRecord started = record with { PendingRedrive = false };
            if (await executions.ReplaceAsync(record, started, cancellationToken).ConfigureAwait(false))
            {
                return started;
            }

            if (await executions.GetAsync(record.ExecutionArn, cancellationToken).ConfigureAwait(false) is not { } again)
            {
                break;
            }

            record = again;
        }

        return record;
    }

    /// <summary>
    /// How many redrives started (AWS's <c>redriveCount</c>, which does not count a redrive pending or that failed to start):
    /// the recorded count, less the last redrive while the backend shows an earlier generation.
    /// </summary>
    /// <param name="execution">The execution as read from the index.</param>
    /// <param name="outcome">Where the backend says it stands.</param>
    /// <returns>The count.</returns>
    public static int StartedRedrives(ExecutionRecord execution, ExecutionOutcome outcome) =>
        execution.IsBeforeLastRedrive(outcome) ? execution.RedriveCount - 1 : execution.RedriveCount;

    /// <summary>Checks an execution and finds where a redrive would restart it.</summary>
    /// <param name="api">The shared resources (history, registry, clock, plans).</param>
    /// <param name="execution">The execution.</param>
    /// <param name="outcome">Where it stands.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="redriveDate">The redrive's own instant (RedriveExecution shows it and the checkpoint carries it on, so both are
    /// one instant); <c>null</c> checks at the API clock's now.</param>
    /// <param name="byMapRun">Whether the map run that started the execution redrives it: a map-run child is then redrivable, and
    /// its state machine (the map run's, never registered) is not looked up.</param>
    /// <returns>The checkpoint and the complete history (closing event included), or the reason it cannot be redriven.</returns>
    public static async Task<RedriveCheck> CheckAsync(
        ApiResources api, ExecutionRecord execution, ExecutionOutcome outcome, CancellationToken cancellationToken, DateTimeOffset? redriveDate = null, bool byMapRun = false)
    {
        if (execution.StateMachine.Type == ApiResources.Express)
        {
            return RedriveCheck.Refused("Execution is of type EXPRESS and cannot be redriven.");
        }

        if (outcome.StopDate is not { } stopped)
        {
            return RedriveCheck.Refused("Execution is RUNNING and cannot be redriven.");
        }

        if (outcome.Status == "SUCCEEDED")
        {
            return RedriveCheck.Refused("Execution is SUCCEEDED and cannot be redriven.");
        }

        if (execution.MapRunArn is { } mapRunArn && !byMapRun)
        {
            return RedriveCheck.Refused($"Execution is a child execution of the Map Run '{mapRunArn}'; redrive its parent execution to redrive the Map Run.") with { ByMapRun = true };
        }

        DateTimeOffset now = redriveDate ?? api.Now;
        if (IsPendingRedrive(execution, outcome, now))
        {
            return RedriveCheck.Refused("Execution is RUNNING and cannot be redriven.");
        }

        if (now - stopped > RedrivablePeriod)
        {
            return RedriveCheck.Refused("Execution redrivable period exceeded.");
        }

        if (now - execution.StartDate > MaxOpenTime)
        {
            return RedriveCheck.Refused("Execution has exceeded the max execution time.");
        }

        if (!byMapRun && await api.StateMachines.GetAsync(execution.StateMachineArn, cancellationToken).ConfigureAwait(false) is null)
        {
            return RedriveCheck.Refused("State machine is in DELETING status.");
        }

        IReadOnlyList<HistoryEvent> events = ClosingEvents.Complete(await api.History.EventsAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false), outcome);
        if (events.Count + 2 > ListHistorySink.AwsHistoryEventLimit)
        {
            return RedriveCheck.Refused("Execution history event limit exceeded.");
        }

        if (events.Count == 0 || events[0].Type != HistoryEventTypes.ExecutionStarted)
        {
            return RedriveCheck.Refused("Execution history is not held by this process, so the state to redrive from is unknown.");
        }

        if (api.Plans.Get(execution.StateMachine.Definition).Plan is not { } plan
            || RedriveCheckpoints.From(plan, events, execution.Name, StartedRedrives(execution, outcome) + 1, now) is not { } checkpoint)
        {
            return RedriveCheck.Refused("Execution did not stop in a state, so there is no state to redrive from.");
        }

        return new RedriveCheck(null, checkpoint, events);
    }
}
