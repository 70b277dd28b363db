using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// RedriveExecution: restarts a FAILED, TIMED_OUT or ABORTED STANDARD execution from the top-level state that did not
/// succeed, with that state's input and the variables as they were, on the same durable instance (same execution ARN):
/// a new generation of <see cref="StateMachineOrchestrator"/> whose continuation is the redrive checkpoint read from the
/// execution's history (<see cref="RedriveCheckpoints"/>). Its history goes on with ExecutionRedriven.
/// </summary>
/// <remarks>
/// AWS: the states that succeeded are not run again, the state machine's TimeoutSeconds starts over, and a client token
/// makes the request idempotent (the last 10 tokens, for 15 minutes). A Parallel or Map state that failed is run again
/// as a whole here (AWS reruns only its unsuccessful branches or iterations).
/// </remarks>
/// <param name="api">The shared resources.</param>
internal sealed class RedriveExecutionOperation(ApiResources api) : ApiOperation<RedriveExecutionRequest, RedriveExecutionResponse>, IDisposable
{
    /// <summary>How many client tokens an execution remembers (AWS: 10).</summary>
    public const int KeptClientTokens = 10;

    /// <summary>How long a client token answers the same redrive (AWS: 15 minutes).</summary>
    public static readonly TimeSpan ClientTokenLifetime = TimeSpan.FromMinutes(15);

    // One redrive at a time in this process: two concurrent calls must not both restart the instance.
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <inheritdoc />
    public override string Action => "RedriveExecution";

    /// <inheritdoc />
    public void Dispose() => gate.Dispose();

    /// <inheritdoc />
    protected override async Task<RedriveExecutionResponse> HandleAsync(RedriveExecutionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? token = RequestFields.Length(request.ClientToken, "clientToken", 64);
        if (token is not null && token.Any(c => c is < '!' or > '~'))
        {
            throw ApiException.Validation("clientToken", token, "Member must satisfy regular expression pattern: [!-~]+");
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, cancellationToken).ConfigureAwait(false);
            // Whole milliseconds, as the API shows dates: the redrive time also travels in durable payloads and history
            // timestamps, and every place that shows it must show the same instant (sub-millisecond ticks round differently).
            DateTimeOffset now = api.Now;
            now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
            if (token is not null && execution.RedriveClientTokens.LastOrDefault(t => t.Token == token && now - t.RedriveDate <= ClientTokenLifetime) is { } earlier)
            {
                return new RedriveExecutionResponse(earlier.RedriveDate);
            }

            ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken).ConfigureAwait(false);
            RedriveCheck check = await ExecutionRedrives.CheckAsync(api, execution, outcome, cancellationToken, now).ConfigureAwait(false);
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
            return new RedriveExecutionResponse(now);
        }
        finally
        {
            gate.Release();
        }
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
