using AslOnDurable.Runtime.Api.Contracts;
using AslOnDurable.Runtime.Api.Executions;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;

namespace AslOnDurable.Runtime.Api.Operations;

/// <summary>
/// GetExecutionHistory: the engine's ASL events in AWS's shape (<see cref="HistoryEventShapes"/>), oldest first or
/// with <c>reverseOrder</c> newest first, without inputs and outputs when <c>includeExecutionData</c> is false, paged by
/// event id (<see cref="HistoryPages"/>: a page reads only its own events from the store).
/// </summary>
/// <remarks>EXPRESS executions keep no history, as in AWS (which serves theirs through CloudWatch Logs only).</remarks>
/// <param name="api">The shared resources.</param>
internal sealed class GetExecutionHistoryOperation(ApiResources api) : ApiOperation<GetExecutionHistoryRequest, GetExecutionHistoryResponse>
{
    /// <inheritdoc />
    public override string Action => "GetExecutionHistory";

    /// <inheritdoc />
    protected override async Task<GetExecutionHistoryResponse> HandleAsync(GetExecutionHistoryRequest request, IExecutionClient client, CancellationToken cancellationToken)
    {
        ExecutionRecord execution = await api.ExecutionAsync(request.ExecutionArn, client, cancellationToken).ConfigureAwait(false);
        if (execution.StateMachine.Type == ApiResources.Express)
        {
            throw new ApiException(ApiErrorTypes.ValidationException, "This operation is not supported by EXPRESS state machines.");
        }

        bool data = request.IncludeExecutionData ?? true;
        ExecutionOutcome outcome = await ExecutionOutcomes.OfAsync(execution, client, cancellationToken, api.History).ConfigureAwait(false);
        bool reverse = request.ReverseOrder == true;
        string scope = $"{Action}|{execution.ExecutionArn}|{reverse}";
        int size = PageToken.Size(request.MaxResults);
        long? from = request.NextToken is null ? null : PageToken.Decode(request.NextToken, scope);
        var (page, next) = await new HistoryPages(api.History, execution.InstanceId, outcome).ReadAsync(reverse, size, from, cancellationToken).ConfigureAwait(false);
        return new GetExecutionHistoryResponse([.. page.Select(e => HistoryEventShapes.ToJson(e, data))], next is { } id ? PageToken.Encode(scope, id) : null);
    }
}
