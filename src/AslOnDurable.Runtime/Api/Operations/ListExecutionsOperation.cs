using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// ListExecutions of a state machine, or the STANDARD child executions of a map run (<c>mapRunArn</c>), newest first,
/// optionally by status, paged.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="mapRuns">Finds map runs and their children.</param>
internal sealed class ListExecutionsOperation(ApiResources api, MapRunDirectory mapRuns) : ApiOperation<ListExecutionsRequest, ListExecutionsResponse>
{
    /// <inheritdoc />
    public override string Action => "ListExecutions";

    /// <inheritdoc />
    protected override async Task<ListExecutionsResponse> HandleAsync(ListExecutionsRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? status = request.StatusFilter is null
            ? null
            : RequestFields.Enum(request.StatusFilter, "statusFilter", string.Empty, "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
        if (request.MapRunArn is not null && request.StateMachineArn is not null)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "Specify either stateMachineArn or mapRunArn, not both.");
        }

        string scope;
        IReadOnlyList<ExecutionRecord> executions;
        if (request.MapRunArn is not null)
        {
            DescribeMapRunResponse run = await mapRuns.DescribeAsync(request.MapRunArn, client, cancellationToken).ConfigureAwait(false);
            executions = await mapRuns.ChildrenAsync(run.MapRunArn, mapRuns.Read(run.MapRunArn).ChildStateMachineArn, cancellationToken).ConfigureAwait(false);
            scope = run.MapRunArn;
        }
        else
        {
            StateMachineRecord machine = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
            executions = await api.Executions.ListAsync(machine.Arn, cancellationToken).ConfigureAwait(false);
            scope = machine.Arn;
        }

        List<ExecutionListItem> items = [];
        foreach (ExecutionRecord e in executions)
        {
            ExecutionOutcome o = await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false);
            if (status is null || o.Status == status)
            {
                items.Add(new ExecutionListItem(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate) { MapRunArn = request.MapRunArn is null ? null : e.MapRunArn });
            }
        }

        var (page, next) = PageToken.Page(items, $"{Action}|{scope}|{status}", request.MaxResults, request.NextToken);
        return new ListExecutionsResponse(page, next);
    }
}
