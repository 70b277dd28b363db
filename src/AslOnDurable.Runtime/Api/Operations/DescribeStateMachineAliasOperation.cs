using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>DescribeStateMachineAlias.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class DescribeStateMachineAliasOperation(Protocol.ApiResources api) : Protocol.ApiOperation<StateMachineAliasArnRequest, DescribeStateMachineAliasResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeStateMachineAlias";

    /// <inheritdoc />
    protected override async Task<DescribeStateMachineAliasResponse> HandleAsync(StateMachineAliasArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var a = await api.AliasAsync(request.StateMachineAliasArn, cancellationToken).ConfigureAwait(false);
        return new DescribeStateMachineAliasResponse(a.Arn, a.Name, a.Description, a.RoutingConfiguration, a.CreationDate, a.UpdateDate);
    }
}
