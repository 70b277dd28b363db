using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// CreateStateMachineAlias: the alias ARN is the state machine's ARN and the alias name. Idempotent as AWS is: the
/// same name, description and routing answer the existing alias; anything different is <c>ConflictException</c>.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class CreateStateMachineAliasOperation(ApiResources api) : ApiOperation<CreateStateMachineAliasRequest, CreateStateMachineAliasResponse>
{
    /// <inheritdoc />
    public override string Action => "CreateStateMachineAlias";

    /// <inheritdoc />
    protected override async Task<CreateStateMachineAliasResponse> HandleAsync(CreateStateMachineAliasRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string name = AliasRouting.Name(request.Name);
        RequestFields.Length(request.Description, "description", StateMachineVersions.MaxDescriptionLength);
        var (machine, routing) = await AliasRouting.CheckAsync(api, request.RoutingConfiguration, cancellationToken).ConfigureAwait(false);
        StateMachineAliasRecord alias = new(ResourceArns.Qualified(machine, name), machine, name, request.Description, routing, api.Now);
        StateMachineAliasRecord stored = await api.Aliases.GetOrAddAsync(alias, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(stored, alias) && (stored.Description != alias.Description || !stored.RoutingConfiguration.SequenceEqual(alias.RoutingConfiguration)))
        {
            throw new ApiException(ApiErrorTypes.ConflictException, $"Failed to create alias because an alias with the same name and a different routing configuration already exists: '{stored.Arn}'");
        }

        return new CreateStateMachineAliasResponse(stored.Arn, stored.CreationDate);
    }
}
