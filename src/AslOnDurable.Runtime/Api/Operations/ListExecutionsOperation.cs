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
/// Where an execution stands comes from its durable instance, once: a closed status seen is kept in the execution index
/// (<see cref="IExecutionIndex.RecordClosedAsync"/>), so a status filter asks the backend only for executions not known
/// to be closed; without a filter only the page's executions are looked up. A redrive reopens an execution: what was
/// seen before it does not count (<see cref="ExecutionRecord.KnownClosed"/>).
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

        string scope;
        IEnumerable<ExecutionRecord> listed;
        if (request.MapRunArn is not null)
        {
            DescribeMapRunResponse run = await mapRuns.DescribeAsync(request.MapRunArn, client, cancellationToken).ConfigureAwait(false);
            listed = await mapRuns.ChildrenAsync(run.MapRunArn, mapRuns.Read(run.MapRunArn).ChildStateMachineArn, cancellationToken).ConfigureAwait(false);
            scope = run.MapRunArn;
        }
        else
        {
            string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
            var (machineArn, qualifier) = api.Arns.QualifiedStateMachine(arn);
            StateMachineRecord machine = await api.StateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
            Func<ExecutionRecord, bool> started = qualifier is null ? static _ => true
                : ResourceArns.IsVersion(qualifier) ? e => e.StateMachineVersionArn == arn
                : e => e.StateMachineAliasArn == arn;
            listed = (await api.Executions.ListAsync(machine.Arn, cancellationToken).ConfigureAwait(false)).Where(started);
            scope = arn;
        }

        ExecutionRecord[] executions = [.. listed.Where(e => redriven is null || (e.RedriveCount > 0) == (redriven == "REDRIVEN"))];
        bool byMapRun = request.MapRunArn is not null;
        scope = $"{Action}|{scope}|{status}|{redriven}";
        if (status is null)
        {
            var (records, token) = PageToken.Page(executions, scope, request.MaxResults, request.NextToken);
            List<ExecutionListItem> page = [];
            foreach (ExecutionRecord e in records)
            {
                page.Add(Item(e, await OutcomeAsync(e, client, cancellationToken).ConfigureAwait(false), byMapRun));
            }

            return new ListExecutionsResponse(page, token);
        }

        List<ExecutionListItem> items = [];
        foreach (ExecutionRecord e in executions)
        {
            ExecutionOutcome o = await OutcomeAsync(e, client, cancellationToken).ConfigureAwait(false);
            if (o.Status == status)
            {
                items.Add(Item(e, o, byMapRun));
            }
        }

        var (filtered, next) = PageToken.Page(items, scope, request.MaxResults, request.NextToken);
        return new ListExecutionsResponse(filtered, next);
    }

    /// <summary>
    /// Where an execution stands: its closed status when the index knows it, else the backend's answer, kept in the
    /// index when closed. A status seen closed before the last redrive (the previous generation's, before the redriven
    /// instance started) is not kept.
    /// </summary>
    private async Task<ExecutionOutcome> OutcomeAsync(ExecutionRecord e, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (e.KnownClosed() is { } closed)
        {
            return closed;
        }

        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false);
        if (e.Outcome is null && outcome.StopDate is { } stop && (e.RedriveDate is not { } redriven || stop > redriven))
        {
            await api.Executions.RecordClosedAsync(e, outcome, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    private static ExecutionListItem Item(ExecutionRecord e, ExecutionOutcome o, bool byMapRun) =>
        new(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate)
        {
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
            RedriveCount = e.StateMachine.Type == ApiResources.Express ? null : e.RedriveCount,
            RedriveDate = e.RedriveDate,
            // AWS names the map run on list items only when listing by mapRunArn.
            MapRunArn = byMapRun ? e.MapRunArn : null,
        };
}
