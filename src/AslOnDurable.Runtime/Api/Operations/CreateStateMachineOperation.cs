using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// CreateStateMachine. Idempotent as AWS is: the same name with the same definition, role, type and configurations
/// answers the existing ARN; anything different is <c>StateMachineAlreadyExists</c>. Task resources the host's integrations
/// cannot serve are logged as warnings.
/// </summary>
/// <param name="api">The shared resources.</param>
/// <param name="versions">Publishes versions (<c>publish: true</c>).</param>
/// <param name="warnings">Logs what the host's integrations cannot serve (AWS's response has no warnings).</param>
internal sealed class CreateStateMachineOperation(ApiResources api, StateMachineVersions versions, DefinitionWarnings warnings) : ApiOperation<CreateStateMachineRequest, CreateStateMachineResponse>
{
    /// <inheritdoc />
    public override string Action => "CreateStateMachine";

    /// <inheritdoc />
    protected override async Task<CreateStateMachineResponse> HandleAsync(CreateStateMachineRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string name = RequestFields.Name(RequestFields.Required(request.Name, "name"));
        string definition = DefinitionChecks.Definition(request.Definition);
        string roleArn = DefinitionChecks.RoleArn(request.RoleArn);
        string? versionDescription = PublishChecks.VersionDescription(request.Publish, request.VersionDescription);
        string type = RequestFields.Enum(request.Type, "type", ApiResources.Standard, ApiResources.Standard, ApiResources.Express);
        EncryptionChecks.Check(request.EncryptionConfiguration);
        string arn = api.Arns.StateMachine(name);
        StateMachineRecord record = new(arn, name, type, definition, roleArn, api.Now)
        {
            Logging = DefinitionChecks.Logging(request.LoggingConfiguration) ?? LoggingConfiguration.Off,
            Tracing = new TracingConfiguration(request.TracingConfiguration?.Enabled ?? false),
            Tags = TagRules.Merge([], request.Tags, "tags", arn),
        };
        StateMachineRecord stored = await api.StateMachines.GetOrAddAsync(record, cancellationToken).ConfigureAwait(false);
        if (!ReferenceEquals(stored, record) && !SameConfiguration(stored, record))
        {
            throw new ApiException(ApiErrorTypes.StateMachineAlreadyExists, $"State Machine Already Exists: '{record.Arn}'");
        }

        if (ReferenceEquals(stored, record))
        {
            warnings.Log(stored.Arn, definition);
        }

        string? version = request.Publish == true
            ? (await versions.PublishAsync(stored.Arn, null, versionDescription, cancellationToken).ConfigureAwait(false)).Arn
            : null;
        return new CreateStateMachineResponse(stored.Arn, stored.CreationDate) { StateMachineVersionArn = version };
    }

    private static bool SameConfiguration(StateMachineRecord a, StateMachineRecord b) =>
        a.Definition == b.Definition && a.RoleArn == b.RoleArn && a.Type == b.Type
        && a.Logging.Level == b.Logging.Level && a.Logging.IncludeExecutionData == b.Logging.IncludeExecutionData
        && a.Tracing == b.Tracing;
}
