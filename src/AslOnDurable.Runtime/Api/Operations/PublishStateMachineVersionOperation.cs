using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>PublishStateMachineVersion: the current revision as version N+1 (or its existing version).</summary>
/// <param name="versions">Publishes versions.</param>
internal sealed class PublishStateMachineVersionOperation(StateMachineVersions versions) : ApiOperation<PublishStateMachineVersionRequest, PublishStateMachineVersionResponse>
{
    /// <inheritdoc />
    public override string Action => "PublishStateMachineVersion";

    /// <inheritdoc />
    protected override async Task<PublishStateMachineVersionResponse> HandleAsync(PublishStateMachineVersionRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
        var version = await versions.PublishAsync(arn, request.RevisionId, request.Description, cancellationToken).ConfigureAwait(false);
        return new PublishStateMachineVersionResponse(version.CreationDate, version.Arn);
    }
}
