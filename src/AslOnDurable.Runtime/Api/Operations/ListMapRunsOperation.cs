using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListMapRuns: the map runs an execution started (its history's MapRunStarted events), newest first, paged.</summary>
/// <param name="api">The shared resources.</param>
/// <param name="mapRuns">Finds map runs.</param>
internal sealed class ListMapRunsOperation(ApiResources api, MapRunDirectory mapRuns) : ApiOperation<ListMapRunsRequest, ListMapRunsResponse>
{
    /// <inheritdoc />
    public override string Action => "ListMapRuns";

    /// <inheritdoc />
    protected override async Task<ListMapRunsResponse> HandleAsync(ListMapRunsRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        List<MapRunListItem> items = [];
        foreach (string arn in (await mapRuns.StartedByAsync(execution, cancellationToken).ConfigureAwait(false)).Reverse())
        {
            var (_, machine) = mapRuns.Read(arn);
            try
            {
                DescribeMapRunResponse run = await mapRuns.DescribeAsync(arn, client, cancellationToken).ConfigureAwait(false);
                items.Add(new MapRunListItem(execution.ExecutionArn, arn, machine, run.StartDate, run.StopDate));
            }
            catch (ApiException e) when (e.ErrorType == ApiErrorTypes.ResourceNotFound)
            {
                // Recorded as started, not yet scheduled by the backend: listed once it exists.
            }
        }

        var (page, next) = PageToken.Page(items, $"{Action}|{execution.ExecutionArn}", request.MaxResults, request.NextToken);
        return new ListMapRunsResponse(page, next);
    }
}
