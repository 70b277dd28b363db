using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>ListTagsForResource: a state machine's or activity's tags.</summary>
/// <param name="resources">The tagged resources.</param>
internal sealed class ListTagsForResourceOperation(TaggedResources resources) : ApiOperation<ResourceArnRequest, ListTagsForResourceResponse>
{
    /// <inheritdoc />
    public override string Action => "ListTagsForResource";

    /// <inheritdoc />
    protected override async Task<ListTagsForResourceResponse> HandleAsync(ResourceArnRequest request, IExecutionClient client, CancellationToken cancellationToken) =>
        new(await resources.TagsAsync(request.ResourceArn, cancellationToken).ConfigureAwait(false));
}
