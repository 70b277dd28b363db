using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListStateMachineVersions: newest first, paged.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class ListStateMachineVersionsOperation(ApiResources api) : ApiOperation<StateMachineListRequest, ListStateMachineVersionsResponse>
{
    /// <inheritdoc />
    public override string Action => "ListStateMachineVersions";

    /// <inheritdoc />
    protected override async Task<ListStateMachineVersionsResponse> HandleAsync(StateMachineListRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var machine = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        var all = (await api.Versions.ListAsync(cancellationToken).ConfigureAwait(false))
            .Where(v => v.Snapshot.Arn == machine.Arn).OrderByDescending(v => v.Number).ToList();
        var (page, next) = PageToken.Page(all, Action + machine.Arn, request.MaxResults, request.NextToken);
        return new ListStateMachineVersionsResponse([.. page.Select(v => new StateMachineVersionListItem(v.Arn, v.CreationDate))], next);
    }
}
