using System.Collections.Frozen;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Api.Protocol;

/// <summary>
/// The AWS Step Functions API over the AWS JSON 1.0 protocol, independent of the transport: a host hands it the
/// <c>X-Amz-Target</c> header (<c>AWSStepFunctions.&lt;Action&gt;</c>) and the body of a <c>POST /</c>, and copies
/// the answer back (status, <see cref="ContentType"/>, body). Errors are <c>{"__type": "...", "message": "..."}</c>.
/// </summary>
public sealed class StepFunctionsDispatcher
{
    /// <summary>The content type of requests and responses.</summary>
    public const string ContentType = "application/x-amz-json-1.0";

    /// <summary>The prefix of every <c>X-Amz-Target</c>.</summary>
    public const string TargetPrefix = "AWSStepFunctions.";

    private readonly FrozenDictionary<string, IApiOperation> operations;
    private readonly ILogger logger;

    /// <summary>Initializes a new instance of the <see cref="StepFunctionsDispatcher"/> class.</summary>
    /// <param name="operations">The actions.</param>
    /// <param name="logger">The logger.</param>
    internal StepFunctionsDispatcher(IEnumerable<IApiOperation> operations, ILogger<StepFunctionsDispatcher> logger)
    {
        this.operations = operations.ToFrozenDictionary(o => o.Action, StringComparer.Ordinal);
        this.logger = logger;
    }

    /// <summary>Gets the names of the actions served.</summary>
    public IEnumerable<string> Actions => operations.Keys;

    /// <summary>Runs one request.</summary>
    /// <param name="target">The <c>X-Amz-Target</c> header, or <c>null</c>.</param>
    /// <param name="body">The request body.</param>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status and body (content type <see cref="ContentType"/>).</returns>
    public async Task<ApiResponse> DispatchAsync(string? target, string body, IExecutionClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        string action = target is not null && target.StartsWith(TargetPrefix, StringComparison.Ordinal) ? target[TargetPrefix.Length..] : string.Empty;
        if (!operations.TryGetValue(action, out IApiOperation? operation))
        {
            return Error(new ApiException(ApiErrorTypes.UnknownOperation, $"Unknown operation: '{target}'"));
        }

        try
        {
            return new ApiResponse(200, await operation.HandleAsync(body ?? string.Empty, client, cancellationToken).ConfigureAwait(false));
        }
        catch (ApiException e)
        {
            return Error(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ApiActionFailed(logger, action, e);
            return Error(new ApiException(ApiErrorTypes.InternalFailure, "The service failed to process the request: " + e.Message, 500));
        }
    }

    private static ApiResponse Error(ApiException e) =>
        new(e.StatusCode, new JsonObject { ["__type"] = e.ErrorType, ["message"] = e.Message }.ToJsonString());
}
