using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>Turns a durable instance's state into AWS's execution status, output, error and cause.</summary>
internal static class ExecutionOutcomes
{
    /// <summary>
    /// Where an execution stands: an EXPRESS one's recorded outcome, a durable one's backend state (with the stop date the
    /// execution index keeps when it knows the same closed status, so DescribeExecution and ListExecutions agree).
    /// </summary>
    /// <param name="execution">The execution.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="history">
    /// The execution histories, to answer the decided result of an instance still running while work it abandoned closes
    /// (custom status <see cref="StateMachineOrchestrator.FinishedStatus"/>, see <see cref="DecidedAsync"/>), or <c>null</c> not to.
    /// </param>
    /// <returns>The outcome.</returns>
    public static async Task<ExecutionOutcome> OfAsync(ExecutionRecord execution, IExecutionClient client, CancellationToken cancellationToken, IExecutionHistoryStore? history = null)
    {
        if (execution.Outcome is { } outcome)
        {
            return outcome;
        }

        if (execution.StateMachine.Type == "EXPRESS")
        {
            return ExecutionOutcome.Running;
        }

        ExecutionSnapshot? snapshot = await client.GetAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false);
        ExecutionOutcome backend = FromSnapshot(snapshot, execution);
        if (history is not null && snapshot is { Status: ExecutionRuntimeStatus.Running } && OpenWork.IsFinished(snapshot.CustomStatusJson)
            && await DecidedAsync(history, execution.InstanceId, cancellationToken).ConfigureAwait(false) is { } decided)
        {
            backend = decided with { GenerationCreated = snapshot.CreatedAt };
        }

        if (execution.KnownClosed() is { StopDate: { } known } closed)
        {
            if (closed.Status == backend.Status)
            {
                // The index keeps the closing event's time (ListExecutions shows it): answer the same stop date.
                return backend with { StopDate = known };
            }

            if (backend.StopDate is null && closed.Status == "ABORTED")
            {
                // StopExecution stopped it (AWS: ABORTED at once); the backend has not processed the terminate yet.
                return new ExecutionOutcome("ABORTED", known)
                {
                    Error = execution.StopError, Cause = execution.StopCause, GenerationCreated = backend.GenerationCreated, TerminationPending = true,
                };
            }
        }

        if (execution.IsBeforeLastRedrive(backend) && execution.RedrivenFrom() is { StopDate: { } from } earlier && earlier.Status == backend.Status)
        {
            // The generation before a pending redrive: the stop date the redrive recorded (ListExecutions shows it on a lapse).
            return backend with { StopDate = from };
        }

        return backend;
    }

    /// <summary>
    /// The result an instance that still runs has decided, from the closing event its history ends with (the orchestrator
    /// records it before it says <see cref="StateMachineOrchestrator.FinishedStatus"/>): where the backend completes the
    /// instance only once the work it abandoned has answered (the Functions app: a Task activity's next look, a terminated
    /// child's answer; an instance of an earlier version until its abandoned handler answers), DescribeExecution answers
    /// the decided status at once, as ListExecutions does from the index. <c>null</c> when the history does not end so.
    /// </summary>
    /// <param name="history">The execution histories.</param>
    /// <param name="instanceId">The durable instance id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decided outcome, or <c>null</c>.</returns>
    internal static async Task<ExecutionOutcome?> DecidedAsync(IExecutionHistoryStore history, string instanceId, CancellationToken cancellationToken)
    {
        long last = await history.LastIdAsync(instanceId, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<HistoryEvent> closing = last == 0 ? [] : await history.RangeAsync(instanceId, last, last, 1, cancellationToken).ConfigureAwait(false);
        if (closing.Count == 0 || ExecutionClosings.StatusOf(closing[0].Type) is not { } status || status == "ABORTED")
        {
            return null;
        }

        System.Text.Json.Nodes.JsonObject? details = closing[0].Details;
        return new ExecutionOutcome(status, DateTimeOffset.FromUnixTimeMilliseconds(closing[0].Timestamp.ToUnixTimeMilliseconds()))
        {
            Output = status == "SUCCEEDED" ? (string?)details?["output"] ?? "null" : null,
            Error = (string?)details?["error"],
            Cause = (string?)details?["cause"],
        };
    }

    /// <summary>
    /// Corrects the execution index with what the backend answered: a redrive whose generation the backend shows but the
    /// index still has pending (its host stopped between the start and <see cref="ExecutionRedrives.MarkStartedAsync"/>),
    /// a closing the index does not know (lost with a process killed between the instance's completion and the index's
    /// write), or a different one (a stop that came after the instance completed). Only for a closing after the last
    /// redrive; conditional on the record as read.
    /// </summary>
    /// <param name="executions">The execution index.</param>
    /// <param name="execution">The execution as read from the index.</param>
    /// <param name="outcome">Where it stands, as <see cref="OfAsync(ExecutionRecord, IExecutionClient, CancellationToken, IExecutionHistoryStore)"/> answered.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Whether the index was changed.</returns>
    public static async Task<bool> CorrectIndexAsync(IExecutionIndex executions, ExecutionRecord execution, ExecutionOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(executions);
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(outcome);
        bool changed = false;
        if (execution.PendingRedrive && outcome.GenerationCreated >= execution.RedriveDate)
        {
            ExecutionRecord started = await ExecutionRedrives.MarkStartedAsync(executions, execution, cancellationToken).ConfigureAwait(false);
            changed = !started.PendingRedrive;
            execution = started;
        }

        if (execution.Outcome is not null
            || outcome.StopDate is not { } stop
            || execution.IsBeforeLastRedrive(outcome)
            || execution.KnownClosed()?.Status == outcome.Status)
        {
            return changed;
        }

        return await executions.RecordClosedAsync(execution, new ExecutionOutcome(outcome.Status, stop), cancellationToken).ConfigureAwait(false) || changed;
    }

    /// <summary>Where a listed execution stands: the closed status the index knows, else the backend's answer (EXPRESS: running).</summary>
    /// <param name="listing">The execution as the index lists it.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The outcome (status and stop date; output, error and cause only when the backend was asked).</returns>
    public static async Task<ExecutionOutcome> OfAsync(ExecutionListing listing, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (listing.KnownClosed() is { } closed)
        {
            return closed;
        }

        if (listing.Express)
        {
            return ExecutionOutcome.Running;
        }

        ExecutionSnapshot? snapshot = await client.GetAsync(listing.InstanceId, cancellationToken).ConfigureAwait(false);
        return FromSnapshot(snapshot, listing.StopError, listing.StopCause);
    }

    /// <summary>The outcome a snapshot describes.</summary>
    /// <param name="snapshot">The instance's state, or <c>null</c> when the start message is not processed yet.</param>
    /// <param name="execution">The execution (for the error and cause StopExecution was given).</param>
    /// <returns>The outcome.</returns>
    public static ExecutionOutcome FromSnapshot(ExecutionSnapshot? snapshot, ExecutionRecord execution)
    {
        ArgumentNullException.ThrowIfNull(execution);
        return FromSnapshot(snapshot, execution.StopError, execution.StopCause);
    }

    /// <summary>The outcome a snapshot describes.</summary>
    /// <param name="snapshot">The instance's state, or <c>null</c> when the start message is not processed yet.</param>
    /// <param name="stopError">The error StopExecution was given, or <c>null</c>.</param>
    /// <param name="stopCause">The cause StopExecution was given, or <c>null</c>.</param>
    /// <returns>The outcome.</returns>
    public static ExecutionOutcome FromSnapshot(ExecutionSnapshot? snapshot, string? stopError, string? stopCause)
    {
        if (snapshot is null)
        {
            return ExecutionOutcome.Running;
        }

        if (!snapshot.IsTerminal)
        {
            return ExecutionOutcome.Running with { GenerationCreated = snapshot.CreatedAt };
        }

        DateTimeOffset stop = DateTimeOffset.FromUnixTimeMilliseconds(snapshot.LastUpdatedAt.ToUnixTimeMilliseconds());
        switch (snapshot.Status)
        {
            case ExecutionRuntimeStatus.Completed when snapshot.OutputJson is { } text:
                StateMachineOutput output = DurableJson.Deserialize<StateMachineOutput>(text);
                return new ExecutionOutcome(output.Status, stop)
                {
                    Output = output.Status == "SUCCEEDED" ? output.Output?.ToJsonString() ?? "null" : null,
                    Error = output.Error,
                    Cause = output.Cause,
                    GenerationCreated = snapshot.CreatedAt,
                };
            case ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled:
                return new ExecutionOutcome("ABORTED", stop) { Error = stopError, Cause = stopCause, GenerationCreated = snapshot.CreatedAt };
            default:
                return new ExecutionOutcome("FAILED", stop) { Error = "States.Runtime", Cause = snapshot.Failure?.Message, GenerationCreated = snapshot.CreatedAt };
        }
    }
}
