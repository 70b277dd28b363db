using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

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
    /// <returns>The outcome.</returns>
    public static async Task<ExecutionOutcome> OfAsync(ExecutionRecord execution, IExecutionClient client, CancellationToken cancellationToken)
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
        // The index keeps the closing event's time (ListExecutions shows it): answer the same stop date.
        return execution.KnownClosed() is { StopDate: { } known } closed && closed.Status == backend.Status ? backend with { StopDate = known } : backend;
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
        if (snapshot is null || !snapshot.IsTerminal)
        {
            return ExecutionOutcome.Running;
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
                };
            case ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled:
                return new ExecutionOutcome("ABORTED", stop) { Error = stopError, Cause = stopCause };
            default:
                return new ExecutionOutcome("FAILED", stop) { Error = "States.Runtime", Cause = snapshot.Failure?.Message };
        }
    }
}
