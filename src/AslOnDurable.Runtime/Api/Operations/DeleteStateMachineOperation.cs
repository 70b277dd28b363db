using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DeleteStateMachine: the state machine is gone at once (running executions carry their definition and finish);
/// deleting one that does not exist succeeds, as in AWS.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class DeleteStateMachineOperation(ApiResources api) : ApiOperation<StateMachineArnRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "DeleteStateMachine";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(StateMachineArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
        api.Arns.StateMachineName(arn);
        await api.StateMachines.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
