using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>
/// The AWS Step Functions API (AWS JSON 1.0) on <c>POST /api/stepfunctions</c>: copies the <c>X-Amz-Target</c> header
/// and body to <see cref="StepFunctionsDispatcher"/> and its answer back. AWS clients use
/// <c>--endpoint-url https://&lt;app&gt;/api/stepfunctions?code=&lt;function key&gt;</c>.
/// </summary>
/// <param name="dispatcher">The dispatcher.</param>
internal sealed class StepFunctionsApiFunction(StepFunctionsDispatcher dispatcher)
{
    /// <summary>POST /api/stepfunctions.</summary>
    /// <param name="request">The HTTP request.</param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown or client disconnect.</param>
    /// <returns>The API answer.</returns>
    [Function(FunctionNames.StepFunctionsApi)]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "stepfunctions")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        using StreamReader reader = new(request.Body);
        string body = await reader.ReadToEndAsync(cancellationToken);
        ApiResponse response = await dispatcher.DispatchAsync(
            request.Headers["X-Amz-Target"].FirstOrDefault(), body, new DurableTaskExecutionClient(client), cancellationToken);
        return new ContentResult { StatusCode = response.StatusCode, Content = response.Body, ContentType = StepFunctionsDispatcher.ContentType };
    }
}
