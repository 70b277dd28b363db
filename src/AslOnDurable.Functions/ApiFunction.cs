using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>HTTP start/describe and task callback API: reads the request, calls <see cref="ExecutionApi"/>, copies its answer.</summary>
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
        string body = await ReadAsync(request, cancellationToken);
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

    /// <summary>POST /api/tasks/success: <c>{"taskToken", "output"}</c>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.SendTaskSuccess)]
    public static async Task<IActionResult> SendTaskSuccessAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/success")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ToResult(await ExecutionApi.SendTaskSuccessAsync(new DurableTaskExecutionClient(client), await ReadAsync(request, cancellationToken), cancellationToken));

    /// <summary>POST /api/tasks/failure: <c>{"taskToken", "error", "cause"}</c>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.SendTaskFailure)]
    public static async Task<IActionResult> SendTaskFailureAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/failure")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ToResult(await ExecutionApi.SendTaskFailureAsync(new DurableTaskExecutionClient(client), await ReadAsync(request, cancellationToken), cancellationToken));

    /// <summary>POST /api/tasks/heartbeat: <c>{"taskToken"}</c>.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.SendTaskHeartbeat)]
    public static async Task<IActionResult> SendTaskHeartbeatAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "tasks/heartbeat")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        ToResult(await ExecutionApi.SendTaskHeartbeatAsync(new DurableTaskExecutionClient(client), await ReadAsync(request, cancellationToken), cancellationToken));

    /// <summary>Reads a request body as text (the HTTP triggers of this app share it).</summary>
    internal static async Task<string> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using StreamReader reader = new(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    /// <summary>Maps a Runtime answer to the HTTP result (the HTTP triggers of this app share it).</summary>
    internal static ContentResult ToResult(ApiResponse response) =>
        new() { StatusCode = response.StatusCode, Content = response.Body, ContentType = ApiResponse.ContentType };
}
