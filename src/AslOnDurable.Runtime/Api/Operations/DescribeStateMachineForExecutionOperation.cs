using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// DescribeStateMachineForExecution: the revision the execution started with (later updates do not change it), with the
/// variables each state reads; <c>includedData = METADATA_ONLY</c> answers the definition as <c>{}</c>.
/// </summary>
/// <param name="api">The shared resources.</param>
internal sealed class DescribeStateMachineForExecutionOperation(ApiResources api) : ApiOperation<ExecutionArnRequest, DescribeStateMachineForExecutionResponse>
{
    /// <inheritdoc />
    public override string Action => "DescribeStateMachineForExecution";

    /// <inheritdoc />
    protected override async Task<DescribeStateMachineForExecutionResponse> HandleAsync(
        ExecutionArnRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        bool included = DefinitionData.Included(request.IncludedData);
        StateMachineRecord m = (await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false)).StateMachine;
        return new DescribeStateMachineForExecutionResponse(m.Arn, m.Name, DefinitionData.Text(m.Definition, included), m.RoleArn, m.UpdateDate ?? m.CreationDate, m.Logging, m.Tracing, m.RevisionId)
        {
            VariableReferences = DefinitionData.VariableReferencesOf(api.Plans, m.Definition, included),
        };
    }
}
