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
/// AWS's may. A redrive reopens an execution: what was seen before it does not count. A map run's children are still
/// read from their records and the backend.
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

        if (request.MapRunArn is not null)
        {
            return await MapRunChildrenAsync(request, status, redriven, client, cancellationToken).ConfigureAwait(false);
        }

        string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
        var (machineArn, qualifier) = api.Arns.QualifiedStateMachine(arn);
        StateMachineRecord machine = await api.StateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
        ExecutionFilter filter = new(machine.Arn) { Status = status, StartedBy = qualifier is null ? null : arn, Redriven = redriven is null ? null : redriven == "REDRIVEN" };
        string scope = $"{Action}|{arn}|{status}|{redriven}";
        int size = PageToken.Size(request.MaxResults);
        string? after = request.NextToken is null ? null : PageToken.DecodeKey(request.NextToken, scope, ExecutionListing.IsKey);
        List<ExecutionListItem> items = [];
        while (true)
        {
            ExecutionPage page = await api.Executions.PageAsync(filter, after, size - items.Count, cancellationToken).ConfigureAwait(false);
            foreach (ExecutionListing listing in page.Listings)
            {
                // The index knows every closing (the history's closing events, StopExecution): not known closed is RUNNING.
                ExecutionOutcome outcome = listing.KnownClosed() ?? ExecutionOutcome.Running;
                if (status is null || outcome.Status == status)
                {
                    items.Add(Item(listing, outcome, byMapRun: false));
                }

                after = listing.Key;
            }

            if (!page.More)
            {
                return new ListExecutionsResponse(items, null);
            }

            if (items.Count == size)
            {
                return new ListExecutionsResponse(items, PageToken.EncodeKey(scope, after!));
            }
        }
    }

    /// <summary>The STANDARD children of a map run (read from the map run's records, then paged by offset).</summary>
    private async Task<ListExecutionsResponse> MapRunChildrenAsync(
        ListExecutionsRequest request, string? status, string? redriven, IExecutionClient client, CancellationToken cancellationToken)
    {
        DescribeMapRunResponse run = await mapRuns.DescribeAsync(request.MapRunArn!, client, cancellationToken).ConfigureAwait(false);
        IEnumerable<ExecutionRecord> listed = await mapRuns.ChildrenAsync(run.MapRunArn, mapRuns.Read(run.MapRunArn).ChildStateMachineArn, cancellationToken)
            .ConfigureAwait(false);
        ExecutionRecord[] executions = [.. listed.Where(e => redriven is null || (e.RedriveCount > 0) == (redriven == "REDRIVEN"))];
        string scope = $"{Action}|{run.MapRunArn}|{status}|{redriven}";
        if (status is null)
        {
            var (records, token) = PageToken.Page(executions, scope, request.MaxResults, request.NextToken);
            List<ExecutionListItem> page = [];
            foreach (ExecutionRecord e in records)
            {
                page.Add(Item(ExecutionListing.Of(e), await OutcomeAsync(e, client, cancellationToken).ConfigureAwait(false), byMapRun: true));
            }

            return new ListExecutionsResponse(page, token);
        }

        List<(ExecutionRecord Record, ExecutionOutcome Outcome)> kept = [];
        foreach (ExecutionRecord e in executions)
        {
            ExecutionOutcome o = await OutcomeAsync(e, client, cancellationToken).ConfigureAwait(false);
            if (o.Status == status)
            {
                kept.Add((e, o));
            }
        }

        var (filtered, next) = PageToken.Page(kept, scope, request.MaxResults, request.NextToken);
        return new ListExecutionsResponse([.. filtered.Select(k => Item(ExecutionListing.Of(k.Record), k.Outcome, byMapRun: true))], next);
    }

    /// <summary>Where a map run's child stands (its record as read, so a closed status seen is kept under the record's ETag).</summary>
    private Task<ExecutionOutcome> OutcomeAsync(ExecutionRecord e, IExecutionClient client, CancellationToken cancellationToken) =>
        OutcomeAsync(ExecutionListing.Of(e), o => api.Executions.RecordClosedAsync(e, o, cancellationToken), client, cancellationToken);

    /// <summary>
    /// Where an execution stands: its closed status when the index knows it, else the backend's answer, kept in the index
    /// (<paramref name="keepClosed"/>) when closed after the last redrive (a status of the previous generation is not kept).
    /// </summary>
    private static async Task<ExecutionOutcome> OutcomeAsync(
        ExecutionListing e, Func<ExecutionOutcome, Task<bool>> keepClosed, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (e.KnownClosed() is { } closed)
        {
            return closed;
        }

        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false);
        if (outcome.StopDate is { } stop && (e.RedriveDate is not { } redriven || stop > redriven))
        {
            await keepClosed(outcome).ConfigureAwait(false);
        }

        return outcome;
    }

    private static ExecutionListItem Item(ExecutionListing e, ExecutionOutcome o, bool byMapRun) =>
        new(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate)
        {
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
            RedriveCount = e.Express ? null : e.RedriveCount,
            RedriveDate = e.RedriveDate,
            // AWS names the map run on list items only when listing by mapRunArn.
            MapRunArn = byMapRun ? e.MapRunArn : null,
        };
}
