using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>DescribeStateMachine: the latest revision.</summary>
/// <param name="api">The shared resources.</param>
internal sealed class DescribeStateMachineOperation(ApiResources api) : ApiOperation<StateMachineArnRequest, DescribeStateMachineResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeStateMachine";

    /// <inheritdoc />
    protected override async Task<DescribeStateMachineResponse> HandleAsync(StateMachineArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        StateMachineRecord m = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        return new DescribeStateMachineResponse(m.Arn, m.Name, "ACTIVE", m.Definition, m.RoleArn, m.Type, m.CreationDate, m.Logging, m.Tracing, m.RevisionId);
    }
}
