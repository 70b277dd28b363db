using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListActivities, by name, paged by <c>maxResults</c> and <c>nextToken</c>.</summary>
/// <param name="activities">The activities.</param>
internal sealed class ListActivitiesOperation(IActivityStore activities) : ApiOperation<ListRequest, ListActivitiesResponse>
{
    /// <inheritdoc />
    public override string Action => "ListActivities";

    /// <inheritdoc />
    protected override async Task<ListActivitiesResponse> HandleAsync(ListRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var all = await activities.ListAsync(cancellationToken).ConfigureAwait(false);
        var (page, next) = PageToken.Page(all, Action, request.MaxResults, request.NextToken);
        return new ListActivitiesResponse([.. page.Select(a => new ActivityListItem(a.Arn, a.Name, a.CreationDate))], next);
    }
}
