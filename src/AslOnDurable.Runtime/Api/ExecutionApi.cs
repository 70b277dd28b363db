using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Api;

/// <summary>
/// A minimal start/describe API over executions (JSON in, status and JSON out). Placeholder for the Step Functions
/// JSON 1.0 dispatcher; errors already use its shape, <c>{"__type": "...", "message": "..."}</c>.
/// </summary>
/// <param name="starter">Starts executions.</param>
public sealed class ExecutionApi(ExecutionStarter starter)
{
    /// <summary>
    /// Starts an execution. The body is
    /// <c>{"definition": {ASL} or "ASL text", "input": any JSON, "name": "optional", "stateMachineName": "optional"}</c>
    /// (see <see cref="ExecutionStarter"/>).
    /// </summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// 202 with <c>{"instanceId": ...}</c>, or 400 with <c>__type</c> <c>InvalidRequest</c>, <c>InvalidDefinition</c>,
    /// <c>InvalidExecutionInput</c> or <c>InvalidName</c>.
    /// </returns>
    public async Task<ApiResponse> StartAsync(IExecutionClient client, string body, CancellationToken cancellationToken)
    {
        string instanceId;
        try
        {
            instanceId = await starter.StartFromRequestAsync(client, body, "http", cancellationToken).ConfigureAwait(false);
        }
        catch (StartExecutionException ex)
        {
            return Error(400, ex.ErrorType, ex.Message);
        }

        return new ApiResponse(202, new JsonObject { ["instanceId"] = instanceId }.ToJsonString(JsonLimits.SerializerOptions));
    }

    /// <summary>Describes an execution.</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>200 with the snapshot, or 404.</returns>
    public static async Task<ApiResponse> DescribeAsync(IExecutionClient client, string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ExecutionSnapshot? snapshot = await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Error(404, "ExecutionDoesNotExist", $"Execution does not exist: '{instanceId}'");
        }

        JsonObject body = new()
        {
            ["instanceId"] = snapshot.InstanceId,
            ["name"] = snapshot.Name,
            ["status"] = snapshot.Status.ToString(),
            ["createdAt"] = snapshot.CreatedAt,
            ["lastUpdatedAt"] = snapshot.LastUpdatedAt,
            ["input"] = ParseOrText(snapshot.InputJson),
            ["output"] = ParseOrText(snapshot.OutputJson),
        };
        if (snapshot.Failure is { } failure)
        {
            body["error"] = failure.ErrorType;
            body["cause"] = failure.Message;
        }

        return new ApiResponse(200, body.ToJsonString(JsonLimits.SerializerOptions));
    }

    /// <summary>SendTaskSuccess: the body is <c>{"taskToken": "...", "output": "JSON text"}</c> (AWS's field names).</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>200 with <c>{}</c>, or 400 with <c>__type</c> <c>InvalidRequest</c> or one of <see cref="TaskCallbacks"/>' errors.</returns>
    public static Task<ApiResponse> SendTaskSuccessAsync(IExecutionClient client, string body, CancellationToken cancellationToken) =>
        CallbackAsync(body, fields => new TaskCallbacks(client).SendTaskSuccessAsync(Text(fields, "taskToken"), Text(fields, "output"), cancellationToken));

    /// <summary>SendTaskFailure: the body is <c>{"taskToken": "...", "error": "optional", "cause": "optional"}</c>.</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>200 with <c>{}</c>, or 400 with <c>__type</c> <c>InvalidRequest</c> or one of <see cref="TaskCallbacks"/>' errors.</returns>
    public static Task<ApiResponse> SendTaskFailureAsync(IExecutionClient client, string body, CancellationToken cancellationToken) =>
        CallbackAsync(body, fields => new TaskCallbacks(client).SendTaskFailureAsync(
            Text(fields, "taskToken"), Text(fields, "error"), Text(fields, "cause"), cancellationToken));

    /// <summary>SendTaskHeartbeat: the body is <c>{"taskToken": "..."}</c>.</summary>
    /// <param name="client">The client for the host's task hub.</param>
    /// <param name="body">The request body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>200 with <c>{}</c>, or 400 with <c>__type</c> <c>InvalidRequest</c> or one of <see cref="TaskCallbacks"/>' errors.</returns>
    public static Task<ApiResponse> SendTaskHeartbeatAsync(IExecutionClient client, string body, CancellationToken cancellationToken) =>
        CallbackAsync(body, fields => new TaskCallbacks(client).SendTaskHeartbeatAsync(Text(fields, "taskToken"), cancellationToken));

    private static async Task<ApiResponse> CallbackAsync(string body, Func<JsonObject, Task> send)
    {
        JsonObject fields;
        try
        {
            fields = JsonNode.Parse(body) as JsonObject ?? throw new FormatException("The body must be a JSON object.");
            if (fields.Any(f => f.Value is not null and not JsonValue || f.Value is JsonValue v && v.GetValueKind() != System.Text.Json.JsonValueKind.String))
            {
                throw new FormatException("Every field must be a string.");
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or FormatException)
        {
            return Error(400, "InvalidRequest", e.Message);
        }

        try
        {
            await send(fields).ConfigureAwait(false);
        }
        catch (TaskCallbackException e)
        {
            return Error(400, e.ErrorType, e.Message);
        }

        return new ApiResponse(200, "{}");
    }

    private static string? Text(JsonObject fields, string name) => fields[name]?.GetValue<string>();

    private static ApiResponse Error(int status, string type, string message) =>
        new(status, new JsonObject { ["__type"] = type, ["message"] = message }.ToJsonString(JsonLimits.SerializerOptions));

    private static JsonNode? ParseOrText(string? json)
    {
        if (json is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return JsonValue.Create(json);
        }
    }
}
