using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// RedriveExecution: restarts a FAILED, TIMED_OUT or ABORTED STANDARD execution from the top-level state that did not
/// succeed, with that state's input and the variables as they were, on the same durable instance (same execution ARN):
/// a new generation of <see cref="StateMachineOrchestrator"/> whose continuation is the redrive checkpoint read from the
/// execution's history (<see cref="Core.Engine.History.RedriveCheckpoints"/>). Its history goes on with ExecutionRedriven.
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
    public const int KeptClientTokens = ExecutionRestarts.KeptClientTokens;

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

            await ExecutionRestarts.RestartAsync(api, execution, client, now, token, byMapRun: false, cancellationToken).ConfigureAwait(false);
            return new RedriveExecutionResponse(now);
        }
        finally
        {
            gate.Release();
        }
    }
}
