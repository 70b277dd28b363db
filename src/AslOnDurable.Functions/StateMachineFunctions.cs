using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>HTTP triggers that start and describe executions of registered state machines by name.</summary>
/// <param name="machines">Starts and describes through the Step Functions API.</param>
internal sealed class StateMachineFunctions(RegisteredMachineStarts machines)
{
    /// <summary>
    /// <c>POST /api/statemachines/{name}/executions[?name=execution]</c> with the execution input as body: 202
    /// <c>{"executionArn", "startDate", "name", "statusUri"}</c>, or the API's error.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The state machine name.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    [Function(FunctionNames.StartStateMachine)]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "statemachines/{name}/executions")] HttpRequest request,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        string body = await ApiFunction.ReadAsync(request, cancellationToken);
        string statusBase = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        ApiResponse response = await machines.StartAsync(
            new DurableTaskExecutionClient(client), name, body, request.Query["name"].FirstOrDefault(), statusBase, cancellationToken);
        return ApiFunction.ToResult(response);
    }

    /// <summary><c>GET /api/statemachines/{name}/executions/{execution}</c>: DescribeExecution's answer (404 when unknown).</summary>
    /// <param name="request">The request.</param>
    /// <param name="name">The state machine name.</param>
    /// <param name="execution">The execution name.</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    [Function(FunctionNames.DescribeStateMachineExecution)]
    public async Task<IActionResult> DescribeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "statemachines/{name}/executions/{execution}")] HttpRequest request,
        string name,
        string execution,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ApiFunction.ToResult(await machines.DescribeAsync(new DurableTaskExecutionClient(client), name, execution, cancellationToken));
}
