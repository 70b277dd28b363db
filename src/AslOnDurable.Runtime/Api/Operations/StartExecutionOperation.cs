using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// StartExecution. A STANDARD execution runs durably as instance <c>&lt;state machine&gt;:&lt;name&gt;</c> (unique per
/// state machine); an EXPRESS one runs on the in-memory engine in the background.
/// </summary>
/// <remarks>
/// Idempotent as AWS is for STANDARD workflows: the same name and input as a running execution answers that
/// execution; a different input, or an execution that has closed, is <c>ExecutionAlreadyExists</c>.
/// </remarks>
/// <param name="api">The shared resources.</param>
/// <param name="versions">Resolves version and alias ARNs.</param>
/// <param name="express">Runs EXPRESS executions.</param>
/// <param name="options">The ARN prefix.</param>
/// <param name="logger">The logger.</param>
internal sealed class StartExecutionOperation(ApiResources api, StateMachineVersions versions, ExpressRunner express, ApiOptions options, ILogger<StartExecutionOperation> logger)
    : ApiOperation<StartExecutionRequest, StartExecutionResponse>
{
    /// <inheritdoc />
    public override string Action => "StartExecution";

    /// <inheritdoc />
    protected override async Task<StartExecutionResponse> HandleAsync(StartExecutionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionRecord execution = await ExecutionStarts.PrepareAsync(api, versions, request, forSync: false, cancellationToken).ConfigureAwait(false);
        if (execution.StateMachine.Type == ApiResources.Express)
        {
            await api.Executions.GetOrAddAsync(execution, cancellationToken).ConfigureAwait(false);
            _ = Task.Run(() => RunExpressAsync(execution), CancellationToken.None);
            return new StartExecutionResponse(execution.ExecutionArn, execution.StartDate);
        }

        ExecutionRecord stored = await api.Executions.GetOrAddAsync(execution, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(stored, execution))
        {
            ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(stored, client, cancellationToken).ConfigureAwait(false);
            if (stored.InputJson != execution.InputJson || outcome.Status != ExecutionOutcome.Running.Status)
            {
                throw new ApiException(ApiErrorTypes.ExecutionAlreadyExists, $"Execution Already Exists: '{stored.ExecutionArn}'");
            }

            return new StartExecutionResponse(stored.ExecutionArn, stored.StartDate);
        }

        try
        {
            await api.Starter.StartAsync(
                client,
                new StartExecutionCommand(execution.StateMachine.Definition, execution.InputJson, execution.Name, "api")
                {
                    StateMachineName = execution.StateMachine.Name,
                    InstanceId = execution.InstanceId,
                    ArnPrefix = options.ArnPrefix,
                    LogLevel = execution.StateMachine.Logging.Level,
                    LogExecutionData = execution.StateMachine.Logging.IncludeExecutionData == true,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (StartExecutionException e)
        {
            throw new ApiException(e.ErrorType, e.Message);
        }

        return new StartExecutionResponse(execution.ExecutionArn, execution.StartDate);
    }

    private async Task RunExpressAsync(ExecutionRecord execution)
    {
        try
        {
            ExecutionOutcome outcome = await express.RunAsync(execution, options.ArnPrefix).ConfigureAwait(false);
            await api.Executions.ReplaceAsync(execution with { Outcome = outcome }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.ExpressRunFailed(logger, execution.ExecutionArn, e);
            await api.Executions.ReplaceAsync(
                execution with { Outcome = new ExecutionOutcome("FAILED", api.Now) { Error = "States.Runtime", Cause = e.Message } },
                CancellationToken.None).ConfigureAwait(false);
        }
    }
}
