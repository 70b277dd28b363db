using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DeleteStateMachine: the state machine is gone at once (running executions carry their definition and finish);
/// deleting one that does not exist succeeds, as in AWS. Its versions and aliases go with it.
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
        api.Recent.Forget(arn);

        // AWS deletes a state machine's versions and aliases with it.
        foreach (var alias in (await api.Aliases.ListAsync(cancellationToken).ConfigureAwait(false)).Where(a => a.StateMachineArn == arn))
        {
            await api.Aliases.DeleteAsync(alias.Arn, cancellationToken).ConfigureAwait(false);
        }

        foreach (var version in (await api.Versions.ListAsync(cancellationToken).ConfigureAwait(false)).Where(v => v.Snapshot.Arn == arn))
        {
            await api.Versions.DeleteAsync(version.Arn, cancellationToken).ConfigureAwait(false);
        }

        return EmptyResponse.Instance;
    }
}
