using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// Restarts a closed STANDARD execution on its own durable instance from the redrive checkpoint of its history: what
/// RedriveExecution does, and what a redriven map run does to its unsuccessful STANDARD children (one code path).
/// </summary>
internal static class ExecutionRestarts
{
    /// <summary>How many client tokens an execution remembers (AWS: 10).</summary>
    public const int KeptClientTokens = 10;

    /// <summary>Checks the execution, records the redrive and starts its next generation; ExecutionNotRedrivable when it cannot be.</summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="execution">The execution.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="now">The redrive's instant (whole milliseconds).</param>
    /// <param name="token">The request's client token, or <see langword="null"/>.</param>
    /// <param name="byMapRun">Whether its map run redrives it (a map-run child: allowed, and its state machine is the map run's).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes once the instance is started again.</returns>
    public static async Task RestartAsync(
        ApiResources api, ExecutionRecord execution, IExecutionClient client, DateTimeOffset now, string? token, bool byMapRun, CancellationToken cancellationToken)
    {
        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken).ConfigureAwait(false);
        RedriveCheck check = await ExecutionRedrives.CheckAsync(api, execution, outcome, cancellationToken, now, byMapRun).ConfigureAwait(false);
        if (check.Checkpoint is not { } checkpoint)
        {
            throw new ApiException(ApiErrorTypes.ExecutionNotRedrivable, $"Execution '{execution.ExecutionArn}' cannot be redriven: {check.Reason}");
        }

        StateMachineInput start = await LastStartAsync(execution, client, cancellationToken).ConfigureAwait(false);
        int generation = (start.Continuation?.Generation ?? 0) + 1; // a new random seed, as for continue-as-new
        string payload = DurableJson.Serialize(start with
        {
            Continuation = StateMachineOrchestrator.ToContinuation(checkpoint, generation, TimeSpan.Zero),
        });

        // The closing event of a stopped or timed-out execution is only added when the history is read: keep it
        // before the redriven run's events.
        IReadOnlyList<HistoryEvent> recorded = await api.History.EventsAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false);
        if (check.Events.Count > recorded.Count)
        {
            api.History.SinkFor(execution.InstanceId).Record(check.Events[^1]);
        }

        await api.Executions.ReplaceAsync(
            execution with
            {
                RedriveCount = checkpoint.RedriveCount,
                RedriveDate = now,
                StopError = null,
                StopCause = null,
                RedriveClientTokens = token is null
                    ? execution.RedriveClientTokens
                    : [.. execution.RedriveClientTokens.TakeLast(KeptClientTokens - 1), new RedriveClientToken(token, now)],
            },
            cancellationToken).ConfigureAwait(false);
        await client.StartAsync(OrchestratorNames.StateMachine, execution.InstanceId, payload, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The orchestrator input of the execution's last generation (what it was started with, plus its checkpoint).</summary>
    private static async Task<StateMachineInput> LastStartAsync(ExecutionRecord execution, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionSnapshot? snapshot = await client.GetAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false);
        if (snapshot?.InputJson is not { } input)
        {
            throw new ApiException(ApiErrorTypes.ExecutionNotRedrivable, $"Execution '{execution.ExecutionArn}' cannot be redriven: its durable instance is gone.");
        }

        return DurableJson.Deserialize<StateMachineInput>(input);
    }
}
