using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>Turns a durable instance's state into AWS's execution status, output, error and cause.</summary>
internal static class ExecutionOutcomes
{
    /// <summary>Where an execution stands: an EXPRESS one's recorded outcome, a durable one's backend state.</summary>
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
        return FromSnapshot(snapshot, execution);
    }

    /// <summary>The outcome a snapshot describes.</summary>
    /// <param name="snapshot">The instance's state, or <c>null</c> when the start message is not processed yet.</param>
    /// <param name="execution">The execution (for the error and cause StopExecution was given).</param>
    /// <returns>The outcome.</returns>
    public static ExecutionOutcome FromSnapshot(ExecutionSnapshot? snapshot, ExecutionRecord execution)
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
                return new ExecutionOutcome("ABORTED", stop) { Error = execution.StopError, Cause = execution.StopCause };
            default:
                return new ExecutionOutcome("FAILED", stop) { Error = "States.Runtime", Cause = snapshot.Failure?.Message };
        }
    }
}
