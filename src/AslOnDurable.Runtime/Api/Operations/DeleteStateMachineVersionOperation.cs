using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DeleteStateMachineVersion: refused with <c>ConflictException</c> while an alias routes to the version; deleting one
/// that does not exist succeeds, as in AWS. Running executions of the version finish.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class DeleteStateMachineVersionOperation(ApiResources api) : ApiOperation<StateMachineVersionArnRequest, EmptyResponse>
{
    /// <inheritdoc />
    public override string Action => "DeleteStateMachineVersion";

    /// <inheritdoc />
    protected override async Task<EmptyResponse> HandleAsync(StateMachineVersionArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(request.StateMachineVersionArn, "stateMachineVersionArn");
        if (api.Arns.QualifiedStateMachine(arn).Qualifier is not { } qualifier || !ResourceArns.IsVersion(qualifier))
        {
            throw new ApiException(ApiErrorTypes.InvalidArn, $"Invalid Arn: 'Resource type not valid in this context: {arn}'");
        }

        var aliases = await api.Aliases.ListAsync(cancellationToken).ConfigureAwait(false);
        if (aliases.FirstOrDefault(a => a.RoutingConfiguration.Any(r => r.StateMachineVersionArn == arn)) is { } alias)
        {
            throw new ApiException(ApiErrorTypes.ConflictException, $"Version to be deleted must not be referenced by an alias. Current list of aliases referencing this version: [{alias.Name}]");
        }

        await api.Versions.DeleteAsync(arn, cancellationToken).ConfigureAwait(false);
        return EmptyResponse.Instance;
    }
}
