using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DescribeStateMachine: the latest revision, or a version by its ARN (an alias ARN is InvalidArn), with the variables each
/// state reads; <c>includedData = METADATA_ONLY</c> answers the definition as <c>{}</c> (<see cref="DefinitionData"/>).
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class DescribeStateMachineOperation(ApiResources api) : ApiOperation<DescribeStateMachineRequest, DescribeStateMachineResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeStateMachine";

    /// <inheritdoc />
    protected override async Task<DescribeStateMachineResponse> HandleAsync(DescribeStateMachineRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        string arn = RequestFields.Arn(request.StateMachineArn, "stateMachineArn");
        bool included = DefinitionData.Included(request.IncludedData);
        if (api.Arns.QualifiedStateMachine(arn).Qualifier is not null)
        {
            // A version: its snapshot, under the version's ARN, with its description and publication date.
            StateMachineVersionRecord v = await api.VersionAsync(arn, "stateMachineArn", cancellationToken).ConfigureAwait(false);
            StateMachineRecord s = v.Snapshot;
            return new DescribeStateMachineResponse(v.Arn, s.Name, "ACTIVE", DefinitionData.Text(s.Definition, included), s.RoleArn, s.Type, v.CreationDate, s.Logging, s.Tracing, s.RevisionId)
            {
                Description = v.Description,
                VariableReferences = DefinitionData.VariableReferencesOf(api.Plans, s.Definition, included),
            };
        }

        StateMachineRecord m = await api.StateMachineAsync(arn, cancellationToken).ConfigureAwait(false);
        return new DescribeStateMachineResponse(m.Arn, m.Name, "ACTIVE", DefinitionData.Text(m.Definition, included), m.RoleArn, m.Type, m.CreationDate, m.Logging, m.Tracing, m.RevisionId)
        {
            VariableReferences = DefinitionData.VariableReferencesOf(api.Plans, m.Definition, included),
        };
    }
}
