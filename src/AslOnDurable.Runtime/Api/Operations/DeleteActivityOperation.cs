using AslOnDurable.Runtime.Api.Activities;
using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DeleteActivity: the activity and its waiting tasks are gone (their executions time out, as AWS's do); deleting one
/// that does not exist succeeds, as in AWS.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="activities">The activities.</param>
/// <param name="queue">The waiting tasks.</param>
internal sealed class DeleteActivityOperation(ApiResources api, IActivityStore activities, IActivityTaskQueue queue) : ApiOperation<ActivityArnRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "DeleteActivity";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(ActivityArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(request.ActivityArn, "activityArn");
        api.Arns.ActivityName(arn);
        await activities.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
        await queue.RemoveAsync(arn, cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
