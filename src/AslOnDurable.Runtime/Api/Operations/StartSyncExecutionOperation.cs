using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>StartSyncExecution: runs an EXPRESS state machine on the in-memory engine and answers its result.</summary>
/// <param name="api">The shared resources.</param>
/// <param name="versions">Resolves version and alias ARNs.</param>
/// <param name="express">Runs EXPRESS executions.</param>
/// <param name="options">The ARN prefix.</param>
internal sealed class StartSyncExecutionOperation(ApiResources api, StateMachineVersions versions, ExpressRunner express, ApiOptions options)
    : ApiOperation<StartExecutionRequest, StartSyncExecutionResponse>
{
    /// <inheritdoc />
    public override string Action => "StartSyncExecution";

    /// <inheritdoc />
    protected override async Task<StartSyncExecutionResponse> HandleAsync(StartExecutionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionRecord execution = await ExecutionStarts.PrepareAsync(api, versions, request, forSync: true, cancellationToken).ConfigureAwait(false);
        ExecutionOutcome outcome = await express.RunAsync(execution, options.ArnPrefix).ConfigureAwait(false);
        await api.Executions.GetOrAddAsync(execution with { Outcome = outcome }, cancellationToken).ConfigureAwait(false);
        return new StartSyncExecutionResponse(
            execution.ExecutionArn, execution.StateMachineArn, execution.Name, execution.StartDate, outcome.StopDate ?? api.Now, outcome.Status,
            execution.InputJson, PayloadDetails.Yes, outcome.Output, outcome.Output is null ? null : PayloadDetails.Yes, outcome.Error, outcome.Cause);
    }
}
