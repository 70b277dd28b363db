using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// UpdateStateMachine: a new revision (new <c>revisionId</c>) with whichever of the definition, role and
/// configurations are given; at least one must be. Running executions keep the revision they started with.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="versions">Publishes versions (<c>publish: true</c>).</param>
internal sealed class UpdateStateMachineOperation(ApiResources api, StateMachineVersions versions) : ApiOperation<UpdateStateMachineRequest, UpdateStateMachineResponse>
{
    /// <inheritdoc />
    public override string Action => "UpdateStateMachine";

    /// <inheritdoc />
    protected override async Task<UpdateStateMachineResponse> HandleAsync(UpdateStateMachineRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        StateMachineRecord current = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        if (request.Definition is null && request.RoleArn is null && request.LoggingConfiguration is null && request.TracingConfiguration is null)
        {
            throw new ApiException(
                ApiErrorTypes.MissingRequiredParameter,
                "Either the definition, the role ARN, the LoggingConfiguration, or the TracingConfiguration must be specified");
        }

        string? versionDescription = PublishChecks.VersionDescription(request.Publish, request.VersionDescription);
        StateMachineRecord updated = current with
        {
            Definition = request.Definition is null ? current.Definition : DefinitionChecks.Definition(request.Definition),
            RoleArn = request.RoleArn is null ? current.RoleArn : DefinitionChecks.RoleArn(request.RoleArn),
            Logging = DefinitionChecks.Logging(request.LoggingConfiguration) ?? current.Logging,
            Tracing = request.TracingConfiguration is { } tracing ? new TracingConfiguration(tracing.Enabled ?? false) : current.Tracing,
            UpdateDate = api.Now,
            RevisionId = Guid.NewGuid().ToString(),
        };
        if (!await api.StateMachines.ReplaceAsync(updated, cancellationToken).ConfigureAwait(false))
        {
            throw new ApiException(ApiErrorTypes.StateMachineDoesNotExist, $"State Machine Does Not Exist: '{current.Arn}'");
        }

        string? version = request.Publish == true
            ? (await versions.PublishAsync(updated.Arn, updated.RevisionId, versionDescription, cancellationToken).ConfigureAwait(false)).Arn
            : null;
        return new UpdateStateMachineResponse(updated.UpdateDate!.Value, updated.RevisionId) { StateMachineVersionArn = version };
    }
}
