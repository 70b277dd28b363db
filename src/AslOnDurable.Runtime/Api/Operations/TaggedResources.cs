using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// The resources that carry tags (state machines and activities, as AWS's): reads and replaces a resource's tags by ARN,
/// with AWS's errors (<c>InvalidArn</c> for another kind of ARN, <c>ResourceNotFound</c>).
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="activities">The activities.</param>
internal sealed class TaggedResources(ApiResources api, IActivityStore activities)
{
    /// <summary>A resource's tags.</summary>
    /// <param name="resourceArn">The ARN from the request.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The tags.</returns>
    public async Task<IReadOnlyList<Tag>> TagsAsync(string? resourceArn, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(resourceArn, "resourceArn");
        return api.Arns.IsActivity(arn)
            ? (await activities.GetAsync(arn, cancellationToken).ConfigureAwait(false) ?? throw NotFound(arn)).Tags
            : (await StateMachineAsync(arn, cancellationToken).ConfigureAwait(false)).Tags;
    }

    /// <summary>Changes a resource's tags.</summary>
    /// <param name="resourceArn">The ARN from the request.</param>
    /// <param name="change">The new tags from the current ones (throws to refuse).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when stored.</returns>
    public async Task UpdateAsync(string? resourceArn, Func<IReadOnlyList<Tag>, string, IReadOnlyList<Tag>> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        string arn = RequestFields.Arn(resourceArn, "resourceArn");
        if (api.Arns.IsActivity(arn))
        {
            _ = await StateMachineChanges.ChangeAsync(activities, arn, a => a with { Tags = change(a.Tags, arn) }, cancellationToken).ConfigureAwait(false)
                ?? throw NotFound(arn);
            return;
        }

        api.Arns.StateMachineName(arn);
        _ = await StateMachineChanges.ChangeAsync(api.StateMachines, arn, m => m with { Tags = change(m.Tags, arn) }, cancellationToken).ConfigureAwait(false)
            ?? throw NotFound(arn);
    }

    private async Task<StateMachineRecord> StateMachineAsync(string arn, CancellationToken cancellationToken)
    {
        api.Arns.StateMachineName(arn);
        return await api.StateMachines.GetAsync(arn, cancellationToken).ConfigureAwait(false) ?? throw NotFound(arn);
    }

    private static ApiException NotFound(string arn) => new(ApiErrorTypes.ResourceNotFound, $"Resource not found: '{arn}'");
}
