using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>HTTP start/describe API: reads the request, calls <see cref="ExecutionApi"/>, copies its answer.</summary>
/// <param name="api">The Runtime's execution API.</param>
internal sealed class ApiFunction(ExecutionApi api)
{
    /// <summary>POST /api/executions: the body is the execution input.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.StartExecution)]
    public async Task<IActionResult> StartAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "executions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using StreamReader reader = new(request.Body);
        string body = await reader.ReadToEndAsync(cancellationToken);
        return ToResult(await api.StartAsync(new DurableTaskExecutionClient(client), body, cancellationToken));
    }

    /// <summary>GET /api/executions/{instanceId}.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="instanceId">The instance id from the route.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.DescribeExecution)]
    public static async Task<IActionResult> DescribeAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "executions/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ToResult(await ExecutionApi.DescribeAsync(new DurableTaskExecutionClient(client), instanceId, cancellationToken));

    private static ContentResult ToResult(ApiResponse response) =>
        new() { StatusCode = response.StatusCode, Content = response.Body, ContentType = ApiResponse.ContentType };
}
