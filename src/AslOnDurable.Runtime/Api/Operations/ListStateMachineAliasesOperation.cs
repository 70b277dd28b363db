using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListStateMachineAliases: a state machine's aliases by name, paged.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class ListStateMachineAliasesOperation(ApiResources api) : ApiOperation<StateMachineListRequest, ListStateMachineAliasesResponse>
{
    /// <inheritdoc />
    public override string Action => "ListStateMachineAliases";

    /// <inheritdoc />
    protected override async Task<ListStateMachineAliasesResponse> HandleAsync(StateMachineListRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var machine = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        var all = (await api.Aliases.ListAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.StateMachineArn == machine.Arn).ToList();
        var (page, next) = PageToken.Page(all, Action + machine.Arn, request.MaxResults, request.NextToken);
        return new ListStateMachineAliasesResponse([.. page.Select(a => new StateMachineAliasListItem(a.Arn, a.CreationDate))], next);
    }
}
