using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// ListExecutions of a state machine, or the STANDARD child executions of a map run (<c>mapRunArn</c>), newest first,
/// optionally by status and by whether they were redriven, paged. A version or alias ARN lists the executions started
/// by that version or alias (AWS: "associated with" it, by the ARN given to StartExecution).
/// </summary>
/// <remarks>
/// A state machine's executions are paged through the execution index (<see cref="IExecutionIndex.PageAsync"/>: in
/// Table Storage one range query per page, the filters applied by the service), the <c>nextToken</c> carrying the key of
/// the last execution taken, so a page costs what it holds, not the state machine's whole index. Where an execution
/// stands is the index's answer, no backend call: every closing reaches it (the history's closing events, which the
/// orchestrator also records for its own timeout and for a failure outside the interpreter, and StopExecution's
/// ABORTED), so an execution not known closed is RUNNING. A closing lost with a killed process is corrected by
/// DescribeExecution, which asks the backend. A page may hold fewer than <c>maxResults</c> with a <c>nextToken</c>, as
/// AWS's may. A redrive reopens an execution: what was seen before it does not count. Between RedriveExecution and its
/// generation's start the index lists the execution PENDING_REDRIVE (<see cref="ExecutionRedrives.Listed"/>: a claim that
/// lapsed shows the closing before again, from the record's own data); the PENDING_REDRIVE filter, as AWS's, only with a
/// <c>mapRunArn</c> (a redriven map run's children). A map run's STANDARD children are
/// paged the same way (they are recorded in the index as they start, under the map run's state machine, naming it); only
/// an empty first page of a map run without any recorded child asks the backend whether the map run exists.
/// </remarks>
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
        string? redriven = request.RedriveFilter is null
            ? null
            : RequestFields.Enum(request.RedriveFilter, "redriveFilter", string.Empty, "REDRIVEN", "NOT_REDRIVEN");
        if (request.MapRunArn is not null && request.StateMachineArn is not null)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "Specify either stateMachineArn or mapRunArn, not both.");
        }

        bool? redrivenOnly = redriven is null ? null : redriven == "REDRIVEN";
        ExecutionFilter filter;
        string arn;
        if (request.MapRunArn is not null)
        {
            // A map run's STANDARD children: executions of its own state machine that name it (recorded as they start).
            (arn, string childMachineArn) = mapRuns.Read(request.MapRunArn);
            filter = new ExecutionFilter(childMachineArn) { Status = status, Redriven = redrivenOnly, MapRunArn = arn };
        }
        else
        {
            if (status == ExecutionRedrives.PendingRedriveStatus)
            {
                // AWS: "If you provide a stateMachineArn and a PENDING_REDRIVE statusFilter, the API returns a validation exception."
                throw new ApiException(ApiErrorTypes.ValidationException, "The PENDING_REDRIVE statusFilter can only be used with a mapRunArn.");
            }

            arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
            var (machineArn, qualifier) = api.Arns.QualifiedStateMachine(arn);
            StateMachineRecord machine = await api.StateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
            filter = new ExecutionFilter(machine.Arn) { Status = status, StartedBy = qualifier is null ? null : arn, Redriven = redrivenOnly };
        }

        string scope = $"{Action}|{arn}|{status}|{redriven}";
        int size = PageToken.Size(request.MaxResults);
        string? after = request.NextToken is null ? null : PageToken.DecodeKey(request.NextToken, scope, ExecutionListing.IsKey);
        bool first = after is null;
        List<ExecutionListItem> items = [];
        DateTimeOffset now = api.Now;
        while (true)
        {
            ExecutionPage page = await api.Executions.PageAsync(filter, after, size - items.Count, cancellationToken).ConfigureAwait(false);
            foreach (ExecutionListing listing in page.Listings)
            {
                // The index knows every closing (the history's closing events, StopExecution): not known closed is RUNNING,
                // unless a redrive is pending (PENDING_REDRIVE, or the closing before once its claim lapsed).
                (ExecutionOutcome outcome, int redrives) = ExecutionRedrives.Listed(listing, now);
                if ((status is null || outcome.Status == status) && (redrivenOnly is null || (redrives > 0) == redrivenOnly))
                {
                    items.Add(Item(listing, outcome, redrives, byMapRun: filter.MapRunArn is not null));
                }

                after = listing.Key;
            }

            if (!page.More)
            {
                if (first && items.Count == 0 && filter.MapRunArn is not null)
                {
                    await MapRunExistsAsync(filter, client, cancellationToken).ConfigureAwait(false);
                }

                return new ListExecutionsResponse(items, null);
            }

            if (items.Count == size)
            {
                return new ListExecutionsResponse(items, PageToken.EncodeKey(scope, after!));
            }
        }
    }

    /// <summary>
    /// Fails with ResourceNotFound when the map run of an empty first page does not exist: one that has children in the
    /// index does (no backend call); one without (EXPRESS children, or none started yet) is looked up on the backend.
    /// </summary>
    private async Task MapRunExistsAsync(ExecutionFilter filter, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionFilter any = new(filter.StateMachineArn) { MapRunArn = filter.MapRunArn };
        if (any != filter && (await api.Executions.PageAsync(any, null, 1, cancellationToken).ConfigureAwait(false)).Listings.Count > 0)
        {
            return;
        }

        await mapRuns.DescribeAsync(filter.MapRunArn, client, cancellationToken).ConfigureAwait(false);
    }

    private static ExecutionListItem Item(ExecutionListing e, ExecutionOutcome o, int redrives, bool byMapRun) =>
        new(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate)
        {
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
            RedriveCount = e.Express ? null : redrives,
            RedriveDate = e.RedriveDate,
            // AWS names the map run on list items only when listing by mapRunArn.
            MapRunArn = byMapRun ? e.MapRunArn : null,
        };
}
