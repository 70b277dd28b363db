using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>DeleteStateMachineAlias: running executions started through it finish.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class DeleteStateMachineAliasOperation(ApiResources api) : ApiOperation<StateMachineAliasArnRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "DeleteStateMachineAlias";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(StateMachineAliasArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var alias = await api.AliasAsync(request.StateMachineAliasArn, cancellationToken).ConfigureAwait(false);
        await api.Aliases.DeleteAsync(alias.Arn, cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
