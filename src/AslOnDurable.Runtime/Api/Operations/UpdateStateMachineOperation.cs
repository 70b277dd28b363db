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
/// <param name="warnings">Logs what the host's integrations cannot serve in a new definition.</param>
internal sealed class UpdateStateMachineOperation(ApiResources api, StateMachineVersions versions, DefinitionWarnings warnings) : ApiOperation<UpdateStateMachineRequest, UpdateStateMachineResponse>
{
    /// <inheritdoc />
    public override string Action => "UpdateStateMachine";

    /// <inheritdoc />
    protected override async Task<UpdateStateMachineResponse> HandleAsync(UpdateStateMachineRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        StateMachineRecord current = await api.StateMachineAsync(request.StateMachineArn, cancellationToken).ConfigureAwait(false);
        if (request.Definition is null && request.RoleArn is null && request.LoggingConfiguration is null && request.TracingConfiguration is null
            && request.EncryptionConfiguration is null)
        {
            throw new ApiException(
                ApiErrorTypes.MissingRequiredParameter,
                "Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified");
        }

        EncryptionChecks.Check(request.EncryptionConfiguration);

        string? versionDescription = PublishChecks.VersionDescription(request.Publish, request.VersionDescription);
        string? definition = request.Definition is null ? null : DefinitionChecks.Definition(request.Definition);
        string? roleArn = request.RoleArn is null ? null : DefinitionChecks.RoleArn(request.RoleArn);
        LoggingConfiguration? logging = DefinitionChecks.Logging(request.LoggingConfiguration);
        TracingConfiguration? tracing = request.TracingConfiguration is { } t ? new TracingConfiguration(t.Enabled ?? false) : null;
        DateTimeOffset now = api.Now;
        string revision = Guid.NewGuid().ToString();
        var (_, updated) = await StateMachineChanges.ChangeAsync(
            api,
            current.Arn,
            machine => machine with
            {
                Definition = definition ?? machine.Definition,
                RoleArn = roleArn ?? machine.RoleArn,
                Logging = logging ?? machine.Logging,
                Tracing = tracing ?? machine.Tracing,
                UpdateDate = now,
                RevisionId = revision,
            },
            cancellationToken).ConfigureAwait(false);

        if (definition is not null)
        {
            warnings.Log(updated.Arn, definition);
        }

        string? version = request.Publish == true
            ? (await versions.PublishAsync(updated.Arn, updated.RevisionId, versionDescription, cancellationToken).ConfigureAwait(false)).Arn
            : null;
        return new UpdateStateMachineResponse(now, revision) { StateMachineVersionArn = version };
    }
}
