using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>UntagResource: removes the tags with the given keys (keys the resource lacks are ignored, as in AWS).</summary>
/// <param name="resources">The tagged resources.</param>
internal sealed class UntagResourceOperation(TaggedResources resources) : ApiOperation<UntagResourceRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "UntagResource";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(UntagResourceRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> keys = TagRules.Keys(request.TagKeys);
        await resources.UpdateAsync(request.ResourceArn, (tags, _) => [.. tags.Where(t => !keys.Contains(t.Key!, StringComparer.Ordinal))], cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
