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
/// AWS: the states that succeeded are not run again (in a Parallel or inline Map state, only the branches or iterations
/// that did not succeed run again), the state machine's TimeoutSeconds starts over, and a client token makes the request
/// idempotent (the last 10 tokens, for 15 minutes). Two concurrent redrives of one execution, on one host or on two hosts
/// over the same storage, start it once: <see cref="ExecutionRestarts.RestartAsync"/> records the redrive by
/// compare-and-swap before starting it; the other is refused (or, with the same client token, answered that redrive's date).
/// </remarks>
/// <param name="api">The shared resources.</param>
internal sealed class RedriveExecutionOperation(ApiResources api) : ApiOperation<RedriveExecutionRequest, RedriveExecutionResponse>
{
    /// <inheritdoc />
    public override string Action => "RedriveExecution";

    /// <inheritdoc />
    protected override async Task<RedriveExecutionResponse> HandleAsync(RedriveExecutionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? token = RequestFields.Length(request.ClientToken, "clientToken", 64);
        if (token is not null && token.Any(c => c is < '!' or > '~'))
        {
            throw ApiException.Validation("clientToken", token, "Member must satisfy regular expression pattern: [!-~]+");
        }

        ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        // Whole milliseconds, as the API shows dates: the redrive time also travels in durable payloads and history
        // timestamps, and every place that shows it must show the same instant (sub-millisecond ticks round differently).
        DateTimeOffset now = api.Now;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
        return new RedriveExecutionResponse(
            await ExecutionRestarts.RestartAsync(api, execution, client, now, token, byMapRun: false, cancellationToken).ConfigureAwait(false));
    }
}
