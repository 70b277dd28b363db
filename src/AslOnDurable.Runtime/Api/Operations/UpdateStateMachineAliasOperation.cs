using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>UpdateStateMachineAlias: a new description and/or routing configuration (versions of the alias's state machine).</summary>
/// <param name="api">The shared resources.</param>
internal sealed class UpdateStateMachineAliasOperation(ApiResources api) : ApiOperation<UpdateStateMachineAliasRequest, UpdateStateMachineAliasResponse>
{
    /// <inheritdoc />
    public override string Action => "UpdateStateMachineAlias";

    /// <inheritdoc />
    protected override async Task<UpdateStateMachineAliasResponse> HandleAsync(UpdateStateMachineAliasRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        var alias = await api.AliasAsync(request.StateMachineAliasArn, cancellationToken).ConfigureAwait(false);
        if (request.Description is null && request.RoutingConfiguration is null)
        {
            throw new ApiException(ApiErrorTypes.MissingRequiredParameter, "Either the description or the RoutingConfiguration must be specified");
        }

        RequestFields.Length(request.Description, "description", StateMachineVersions.MaxDescriptionLength);
        var routing = alias.RoutingConfiguration;
        if (request.RoutingConfiguration is not null)
        {
            var (machine, checkedRouting) = await AliasRouting.CheckAsync(api, request.RoutingConfiguration, cancellationToken).ConfigureAwait(false);
            if (machine != alias.StateMachineArn)
            {
                throw new ApiException(ApiErrorTypes.ValidationException, "Routing configuration must contain versions of the alias's state machine.");
            }

            routing = checkedRouting;
        }

        var updated = alias with { Description = request.Description ?? alias.Description, RoutingConfiguration = routing, UpdateDate = api.Now };
        if (!await api.Aliases.ReplaceAsync(updated, cancellationToken).ConfigureAwait(false))
        {
            throw new ApiException(ApiErrorTypes.ResourceNotFound, $"Resource not found: '{alias.Arn}'");
        }

        return new UpdateStateMachineAliasResponse(updated.UpdateDate!.Value);
    }
}
