using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>DescribeActivity.</summary>
/// <param name="api">The shared resources.</param>
/// <param name="activities">The activities.</param>
internal sealed class DescribeActivityOperation(ApiResources api, IActivityStore activities) : ApiOperation<ActivityArnRequest, DescribeActivityResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeActivity";

    /// <inheritdoc />
    protected override async Task<DescribeActivityResponse> HandleAsync(ActivityArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        ActivityRecord a = await ActivityLookup.FindAsync(api, activities, request.ActivityArn, cancellationToken).ConfigureAwait(false);
        return new DescribeActivityResponse(a.Arn, a.Name, a.CreationDate);
    }
}
