using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// ListExecutions of a state machine, newest first, optionally by status and by whether they were redriven, paged. A
/// version or alias ARN lists the executions started by that version or alias (AWS: "associated with" it, by the ARN
/// given to StartExecution).
/// </summary>
/// <remarks>
/// Where an execution stands comes from its durable instance; without a status filter only the page's executions are
/// looked up.
/// </remarks>
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
        string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
        var (machineArn, qualifier) = api.Arns.QualifiedStateMachine(arn);
        StateMachineRecord machine = await api.StateMachineAsync(machineArn, cancellationToken).ConfigureAwait(false);
        Func<ExecutionRecord, bool> started = qualifier is null ? static _ => true
            : ResourceArns.IsVersion(qualifier) ? e => e.StateMachineVersionArn == arn
            : e => e.StateMachineAliasArn == arn;
        ExecutionRecord[] executions = [.. (await api.Executions.ListAsync(machine.Arn, cancellationToken).ConfigureAwait(false))
            .Where(e => started(e) && (redriven is null || (e.RedriveCount > 0) == (redriven == "REDRIVEN")))];
        string scope = $"{Action}|{arn}|{status}|{redriven}";
        if (status is null)
        {
            var (records, token) = PageToken.Page(executions, scope, request.MaxResults, request.NextToken);
            List<ExecutionListItem> page = [];
            foreach (ExecutionRecord e in records)
            {
                page.Add(Item(e, await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false)));
            }

            return new ListExecutionsResponse(page, token);
        }

        List<ExecutionListItem> items = [];
        foreach (ExecutionRecord e in executions)
        {
            ExecutionOutcome o = await ExecutionOutcomes.OfAsync(e, client, cancellationToken).ConfigureAwait(false);
            if (o.Status == status)
            {
                items.Add(Item(e, o));
            }
        }

        var (filtered, next) = PageToken.Page(items, scope, request.MaxResults, request.NextToken);
        return new ListExecutionsResponse(filtered, next);
    }

    private static ExecutionListItem Item(ExecutionRecord e, ExecutionOutcome o) =>
        new(e.ExecutionArn, e.StateMachineArn, e.Name, o.Status, e.StartDate, o.StopDate)
        {
            StateMachineVersionArn = e.StateMachineVersionArn,
            StateMachineAliasArn = e.StateMachineAliasArn,
            RedriveCount = e.StateMachine.Type == ApiResources.Express ? null : e.RedriveCount,
            RedriveDate = e.RedriveDate,
        };
}
