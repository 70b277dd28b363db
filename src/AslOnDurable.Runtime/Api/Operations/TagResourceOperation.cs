using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>TagResource: adds tags to a state machine or activity, or changes the values of keys it has (at most 50 tags).</summary>
/// <param name="resources">The tagged resources.</param>
internal sealed class TagResourceOperation(TaggedResources resources) : ApiOperation<TagResourceRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "TagResource";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(TagResourceRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        if (request.Tags is null)
        {
            throw ApiException.Validation("tags", null, "Member must not be null");
        }

        await resources.UpdateAsync(request.ResourceArn, (tags, arn) => TagRules.Merge(tags, request.Tags, "tags", arn), cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
