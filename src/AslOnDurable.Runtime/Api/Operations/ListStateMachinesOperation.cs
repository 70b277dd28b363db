using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListStateMachines, by name, paged by <c>maxResults</c> and <c>nextToken</c>.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class ListStateMachinesOperation(ApiResources api) : ApiOperation<ListRequest, ListStateMachinesResponse>
{
    /// <inheritdoc />
    public override string Action => "ListStateMachines";

    /// <inheritdoc />
    protected override async Task<ListStateMachinesResponse> HandleAsync(ListRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var all = await api.StateMachines.ListAsync(cancellationToken).ConfigureAwait(false);
        var (page, next) = PageToken.Page(all, Action, request.MaxResults, request.NextToken);
        return new ListStateMachinesResponse([.. page.Select(m => new StateMachineListItem(m.Arn, m.Name, m.Type, m.CreationDate))], next);
    }
}
