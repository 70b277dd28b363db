using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.MapRuns;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>DescribeMapRun: status, dates, settings, and item and child execution counts of one map run.</summary>
/// <param name="mapRuns">Finds map runs.</param>
internal sealed class DescribeMapRunOperation(MapRunDirectory mapRuns) : Protocol.ApiOperation<MapRunArnRequest, DescribeMapRunResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeMapRun";

    /// <inheritdoc />
    protected override Task<DescribeMapRunResponse> HandleAsync(MapRunArnRequest request, IExecutionClient client, CancellationToken cancellationToken) =>
        mapRuns.DescribeAsync(request.MapRunArn, client, cancellationToken);
}
