using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListExecutions of a state machine, newest first, optionally by status and by whether they were redriven, paged.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class ListExecutionsOperation(ApiResources api) : ApiOperation<ListExecutionsRequest, ListExecutionsResponse>
{
    /// <inheritdoc />
    public override string Action => "ListExecutions";

    /// <inheritdoc />
    protected override async Task<ListExecutionsResponse> HandleAsync(ListExecutionsRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string? status = request.StatusFilter is null
            ? null
            : RequestFields.Enum(request.StatusFilter, "statusFilter", string.Empty, "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");
        string? redriven = request.RedriveFilter is null
            ? null
            : RequestFields.Enum(request.RedriveFilter, "redriveFilter", string.Empty, "REDRIVEN", "NOT_REDRIVEN");
        StateMachineRecord machine = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        List<ExecutionListItem> items = [];
        foreach (ExecutionRecord e in await api.Executions.ListAsync(machine.Arn, cancellationToken).ConfigureAwait(false))
        {
            if (redriven is not null && (e.RedriveCount > 0) != (redriven == "REDRIVEN"))
            {
                continue;
            }

            ExecutionOutcome o = await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false);
            if (status is null || o.Status == status)
            {
                items.Add(new ExecutionListItem(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate)
                {
                    RedriveCount = e.StateMachine.Type == ApiResources.Express ? null : e.RedriveCount,
                    RedriveDate = e.RedriveDate,
                });
            }
        }

        var (page, next) = PageToken.Page(items, $"{Action}|{machine.Arn}|{status}|{redriven}", request.MaxResults, request.NextToken);
        return new ListExecutionsResponse(page, next);
    }
}
