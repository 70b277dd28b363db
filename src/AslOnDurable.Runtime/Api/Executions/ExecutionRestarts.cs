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

    /// <summary>How long a client token answers the same redrive (AWS: 15 minutes).</summary>
    public static readonly TimeSpan ClientTokenLifetime = TimeSpan.FromMinutes(15);

    /// <summary>How often the record is read again when another writer changed it between the read and the redrive's write.</summary>
    private const int ClaimAttempts = 10;

    /// <summary>How long a redrive waits for the backend to apply a stop StopExecution already answered.</summary>
    private static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan TerminationPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Checks the execution, records the redrive and starts its next generation; ExecutionNotRedrivable when it cannot be.
    /// The record is replaced only if it still is the one checked (compare-and-swap in the execution index), so of two
    /// hosts (or threads) redriving the same execution one wins; the other reads the record again and finds the redrive
    /// pending (<see cref="ExecutionRedrives.IsPendingRedrive"/>) or its generation running, and is refused.
    /// </summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="execution">The execution, as read from the index.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="now">The redrive's instant (whole milliseconds).</param>
    /// <param name="token">The request's client token, or <see langword="null"/>.</param>
    /// <param name="byMapRun">Whether its map run redrives it (a map-run child: allowed, and its state machine is the map run's).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The redrive's date: <paramref name="now"/>, or an earlier redrive's that <paramref name="token"/> already made.</returns>
    public static async Task<DateTimeOffset> RestartAsync(
        ApiResources api, ExecutionRecord execution, IExecutionClient client, DateTimeOffset now, string? token, bool byMapRun, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            if (token is not null && execution.RedriveClientTokens.LastOrDefault(t => t.Token == token && now - t.RedriveDate <= ClientTokenLifetime) is { } earlier)
            {
                return earlier.RedriveDate;
            }

            ExecutionOutcome outcome = await StoppedOutcomeAsync(execution, client, cancellationToken).ConfigureAwait(false);
            if (outcome.TerminationPending)
            {
                throw NotRedrivable(execution, "Execution is RUNNING and cannot be redriven.");
            }

            RedriveCheck check = await ExecutionRedrives.CheckAsync(api, execution, outcome, cancellationToken, now, byMapRun).ConfigureAwait(false);
            if (check.Checkpoint is not { } checkpoint)
            {
                throw NotRedrivable(execution, check.Reason);
            }

            StateMachineInput start = await LastStartAsync(execution, client, cancellationToken).ConfigureAwait(false);
            int generation = (start.Continuation?.Generation ?? 0) + 1; // a new random seed, as for continue-as-new
            string payload = DurableJson.Serialize(start with
            {
                Continuation = StateMachineOrchestrator.ToContinuation(checkpoint, generation, TimeSpan.Zero),
            });
            ExecutionRecord redriven = ExecutionRedrives.Claimed(execution, outcome, now) with
            {
                StopError = null,
                StopCause = null,
                RedriveClientTokens = token is null
                    ? execution.RedriveClientTokens
                    : [.. execution.RedriveClientTokens.TakeLast(KeptClientTokens - 1), new RedriveClientToken(token, now)],
            };
            if (await api.Executions.ReplaceAsync(execution, redriven, cancellationToken).ConfigureAwait(false))
            {
                await StartAsync(api, execution, redriven, check, client, payload, cancellationToken).ConfigureAwait(false);
                await ExecutionRedrives.MarkStartedAsync(api.Executions, redriven, cancellationToken).ConfigureAwait(false);
                return now;
            }

            if (attempt == ClaimAttempts)
            {
                throw NotRedrivable(execution, "its record kept changing while it was being redriven.");
            }

            execution = await api.Executions.GetAsync(execution.ExecutionArn, cancellationToken).ConfigureAwait(false)
                ?? throw new ApiException(ApiErrorTypes.ExecutionDoesNotExist, $"Execution Does Not Exist: '{execution.ExecutionArn}'");
        }
    }

    /// <summary>
    /// Starts the redrive this host recorded (<paramref name="redriven"/>); if the backend refuses the start, gives the
    /// record back as it was (when nobody changed it since), so the execution is not left pending.
    /// </summary>
    private static async Task StartAsync(
        ApiResources api, ExecutionRecord execution, ExecutionRecord redriven, RedriveCheck check, IExecutionClient client, string payload, CancellationToken cancellationToken)
    {
        try
        {
            // The closing event of a stopped or timed-out execution is only added when the history is read: keep it
            // before the redriven run's events (only the host whose redrive was recorded writes it).
            IReadOnlyList<HistoryEvent> recorded = await api.History.EventsAsync(execution.InstanceId, cancellationToken).ConfigureAwait(false);
            if (check.Events.Count > recorded.Count)
            {
                api.History.SinkFor(execution.InstanceId).Record(check.Events[^1]);
            }

            await client.StartAsync(OrchestratorNames.StateMachine, execution.InstanceId, payload, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await api.Executions.ReplaceAsync(redriven, execution, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Where the execution stands, once the backend has applied a stop StopExecution answered at once (waits up to
    /// <see cref="TerminationWait"/>): the redrive's start must come after the earlier generation has closed.
    /// </summary>
    private static async Task<ExecutionOutcome> StoppedOutcomeAsync(ExecutionRecord execution, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken).ConfigureAwait(false);
        for (TimeSpan waited = TimeSpan.Zero; outcome.TerminationPending && waited < TerminationWait; waited += TerminationPoll)
        {
            await Task.Delay(TerminationPoll, cancellationToken).ConfigureAwait(false);
            outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private static ApiException NotRedrivable(ExecutionRecord execution, string? reason) =>
        new(ApiErrorTypes.ExecutionNotRedrivable, $"Execution '{execution.ExecutionArn}' cannot be redriven: {reason}");

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
