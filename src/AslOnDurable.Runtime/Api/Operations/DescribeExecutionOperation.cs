using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DescribeExecution: status, input, output or error and cause, dates, and (STANDARD) whether it can be redriven. It asks
/// the backend, and corrects the execution index when the backend knows a closing the index lost
/// (<see cref="ExecutionOutcomes.CorrectIndexAsync"/>), so ListExecutions, which trusts the index, agrees after it.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class DescribeExecutionOperation(ApiResources api) : ApiOperation<ExecutionArnRequest, DescribeExecutionResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeExecution";

    /// <inheritdoc />
    protected override async Task<DescribeExecutionResponse> HandleAsync(ExecutionArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        _ = DefinitionData.Included(request.IncludedData); // checked; the answer holds no definition either way
        ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken, api.History).ConfigureAwait(false);
        if (execution.StateMachine.Type == ApiResources.Express)
        {
            return ExecutionStarts.Describe(execution, outcome);
        }

        await ExecutionOutcomes.CorrectIndexAsync(api.Executions, execution, outcome, cancellationToken).ConfigureAwait(false);

        int redrives = ExecutionRedrives.StartedRedrives(execution, outcome);
        if (ExecutionRedrives.IsPendingRedrive(execution, outcome, api.Now))
        {
            // Redriven, and the backend still shows the generation before: AWS's PENDING_REDRIVE until the new one starts.
            outcome = new ExecutionOutcome(ExecutionRedrives.PendingRedriveStatus, null);
        }

        DescribeExecutionResponse description = ExecutionStarts.Describe(execution, outcome);
        RedriveCheck redrive = await ExecutionRedrives.CheckAsync(api, execution, outcome, cancellationToken).ConfigureAwait(false);
        return description with
        {
            RedriveCount = redrives,
            RedriveDate = execution.RedriveDate,
            RedriveStatus = redrive.Status,
            RedriveStatusReason = redrive.StatusReason,
        };
    }
}
