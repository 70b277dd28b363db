using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>Finds the activity a request names, with AWS's errors.</summary>
internal static class ActivityLookup
{
    /// <summary>Finds an activity, or fails with ValidationException / InvalidArn / ActivityDoesNotExist.</summary>
    /// <param name="api">The shared resources.</param>
    /// <param name="activities">The activities.</param>
    /// <param name="arn">The ARN from the request.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The activity.</returns>
    public static async Task<ActivityRecord> FindAsync(ApiResources api, IActivityStore activities, string? arn, CancellationToken cancellationToken)
    {
        string text = RequestFields.Arn(arn, "activityArn");
        api.Arns.ActivityName(text);
        return await activities.GetAsync(text, cancellationToken).ConfigureAwait(false)
            ?? throw new ApiException(ApiErrorTypes.ActivityDoesNotExist, $"Activity Does Not Exist: '{text}'");
    }
}
