using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Integrations.DotNet;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Identity;

namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>
/// Lambda on Azure: <c>arn:aws:states:::lambda:invoke</c> (and <c>.waitForTaskToken</c>) and the bare function ARN
/// <c>arn:aws:lambda:&lt;region&gt;:&lt;account&gt;:function:&lt;Name&gt;</c> call what the function name stands for: the
/// integrations configuration's <c>functions</c> entry (an HTTP-triggered Azure Function or a .NET handler), else the
/// .NET handler of that name.
/// </summary>
/// <remarks>
/// AWS result shapes: the bare ARN returns the function's payload; <c>lambda:invoke</c> returns
/// <c>{ExecutedVersion, Payload, SdkHttpMetadata{AllHttpHeaders, HttpHeaders, HttpStatusCode}, SdkResponseMetadata{RequestId}, StatusCode}</c>
/// (<c>InvocationType: Event</c>: <c>Payload ""</c> and <c>StatusCode 202</c>). A function error fails the Task with the
/// function's <c>errorType</c> as Error and its error document as Cause (a .NET handler: the exception's type name and
/// message); an unknown function is <c>Lambda.ResourceNotFoundException</c>, a failing host <c>Lambda.ServiceException</c>,
/// throttling <c>Lambda.TooManyRequestsException</c>, an unreachable one <c>Lambda.SdkClientException</c>, with causes in
/// the AWS SDK's <c>(Service: AWSLambda; Status Code: …; Error Code: …; Request ID: …; Proxy: null)</c> form.
/// <c>.waitForTaskToken</c> invokes the function (which passes the token on) and waits for the callback.
/// </remarks>
/// <param name="configuration">The <c>functions</c> section.</param>
/// <param name="handlers">The .NET handlers.</param>
/// <param name="client">Calls HTTP-triggered functions.</param>
/// <param name="time">The clock (the <c>Date</c> header).</param>
/// <param name="credentials">Managed identity tokens (functions with <c>managedIdentity</c>); <see cref="AzureCredentials.CreateDefault"/> when <see langword="null"/>.</param>
public sealed class LambdaTaskHandler(
    IntegrationsConfiguration configuration, DotNetHandlers handlers, HttpMessageInvoker client, TimeProvider time, AzureCredentials? credentials = null) : ITaskHandler
{
    private readonly AzureCredentials identities = credentials ?? AzureCredentials.CreateDefault();

    /// <summary>The optimized integration's resource.</summary>
    public const string InvokeResource = "arn:aws:states:::lambda:invoke";

    /// <summary>The prefix of bare function ARNs (registry key with <c>*</c>).</summary>
    public const string FunctionArnPrefix = "arn:aws:lambda:";

    private static readonly string[] InvokeFields = ["FunctionName", "Payload", "InvocationType", "Qualifier", "ClientContext", "LogType"];

    /// <summary>Whether a resource is served by this integration and names a function that can be resolved.</summary>
    /// <param name="resource">The Task's resource.</param>
    /// <returns>Whether the resource is a Lambda resource.</returns>
    public static bool IsLambdaResource(string resource) =>
        resource is InvokeResource or InvokeResource + ".waitForTaskToken" || resource?.StartsWith(FunctionArnPrefix, StringComparison.Ordinal) == true;

    /// <summary>Whether a function name is served (configured, or a .NET handler of that name).</summary>
    /// <param name="configuration">The <c>functions</c> section.</param>
    /// <param name="handlers">The .NET handlers.</param>
    /// <param name="functionReference">A name or ARN.</param>
    /// <returns>Whether it resolves.</returns>
    public static bool Serves(IntegrationsConfiguration configuration, DotNetHandlers handlers, string functionReference) =>
        LambdaFunctionName.Parse(functionReference ?? throw new ArgumentNullException(nameof(functionReference))) is { } name
        && Resolve(configuration ?? throw new ArgumentNullException(nameof(configuration)), handlers ?? throw new ArgumentNullException(nameof(handlers)), name) is not null;

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        string requestId = Guid.NewGuid().ToString();
        if (invocation.Resource.StartsWith(FunctionArnPrefix, StringComparison.Ordinal))
        {
            if (LambdaFunctionName.Parse(invocation.Resource) is not { } bare)
            {
                return Runtime($"The resource '{invocation.Resource}' is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>).");
            }

            FunctionCallResult called = await CallAsync(bare, invocation.Input, invocation, requestId).ConfigureAwait(false);
            return called.Error is { } error ? TaskOutcome.Failure(error) : TaskOutcome.Success(called.Payload);
        }

        bool waitForToken = invocation.Resource == InvokeResource + ".waitForTaskToken";
        if (!waitForToken && invocation.Resource != InvokeResource)
        {
            return Runtime($"The resource '{invocation.Resource}' is not supported: use '{InvokeResource}' or '{InvokeResource}.waitForTaskToken'.");
        }

        if (invocation.Input is not JsonObject parameters)
        {
            return Runtime("The parameters of lambda:invoke must be an object with 'FunctionName'.");
        }

        foreach (var (key, _) in parameters)
        {
            if (Array.IndexOf(InvokeFields, key) < 0)
            {
                return Runtime($"The field '{key}' is not supported by lambda:invoke (expected {string.Join(", ", InvokeFields)}).");
            }
        }

        if (!JsonText.TryString(parameters["FunctionName"], out string? reference) || LambdaFunctionName.Parse(reference) is not { } function)
        {
            return Runtime("The field 'FunctionName' of lambda:invoke must be a function name or ARN.");
        }

        if (JsonText.TryString(parameters["Qualifier"], out string? qualifier))
        {
            function = function with { Qualifier = qualifier };
        }

        string invocationType = JsonText.TryString(parameters["InvocationType"], out string? type) ? type : "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event"))
        {
            return Runtime($"InvocationType '{invocationType}' is not supported: use RequestResponse or Event.");
        }

        JsonNode? payload = parameters["Payload"] is JsonValue text && text.GetValueKind() == JsonValueKind.String
            ? ParsePayloadText(text.GetValue<string>())
            : parameters["Payload"]?.DeepClone();
        FunctionCallResult result = await CallAsync(function, payload, invocation, requestId).ConfigureAwait(false);
        if (result.Error is { } failure)
        {
            return TaskOutcome.Failure(failure);
        }

        if (waitForToken)
        {
            return TaskOutcome.AwaitingCallback();
        }

        return invocationType == "Event"
            ? TaskOutcome.Success(InvokeResult(JsonValue.Create(""), 0, 202, requestId))
            : TaskOutcome.Success(InvokeResult(result.Payload, result.PayloadBytes, 200, requestId));
    }

    private static LambdaFunction? Resolve(IntegrationsConfiguration configuration, DotNetHandlers handlers, LambdaFunctionName name) =>
        configuration.Functions.TryGetValue(name.Name, out LambdaFunction? configured) ? configured
        : handlers.TryGet(name.Name, out _) ? new HandlerFunction(name.Name)
        : null;

    private async Task<FunctionCallResult> CallAsync(LambdaFunctionName name, JsonNode? payload, TaskInvocation invocation, string requestId)
    {
        switch (Resolve(configuration, handlers, name))
        {
            case HandlerFunction handler:
                return await CallHandlerAsync(handler, payload, invocation).ConfigureAwait(false);
            case HttpFunction http:
                return await CallHttpAsync(http, payload, invocation, requestId).ConfigureAwait(false);
            default:
                return ServiceError("ResourceNotFoundException", 404, $"Function not found: {name.QualifiedArn}", requestId);
        }
    }

    private async Task<FunctionCallResult> CallHandlerAsync(HandlerFunction function, JsonNode? payload, TaskInvocation invocation)
    {
        if (!handlers.TryGet(function.HandlerName, out IAslTaskHandler? handler))
        {
            return FunctionCallResult.Failure(StatesErrorNames.Runtime, $"The .NET handler '{function.HandlerName}' is not loaded (known: {string.Join(", ", handlers.Names)}).");
        }

        CancellationToken abandoned = invocation.Clock?.Abandoned ?? CancellationToken.None;
        AslTaskContext context = new() { StateName = invocation.StateName, ExecutionId = invocation.ExecutionId, RetryCount = invocation.RetryCount, TaskToken = invocation.TaskToken };
        try
        {
            JsonNode? result = await handler.InvokeAsync(payload, context, abandoned).ConfigureAwait(false);
            return FunctionCallResult.Success(result, result is null ? 4 : Encoding.UTF8.GetByteCount(result.ToJsonString()));
        }
        catch (OperationCanceledException) when (abandoned.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A handler's exception is the Task's error: {Error: type name, Cause: message}.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return FunctionCallResult.Failure(e.GetType().Name, e.Message);
        }
    }

    private async Task<FunctionCallResult> CallHttpAsync(HttpFunction function, JsonNode? payload, TaskInvocation invocation, string requestId)
    {
        if (!function.AllowPrivateNetwork && NetworkDestinationGuard.RestrictionOf(function.Url) is { } restriction)
        {
            return FunctionCallResult.Failure(
                "Lambda.SdkClientException", $"Unable to execute HTTP request: the host '{function.Url.Host}' is a {restriction} address; set \"allowPrivateNetwork\": true on the function to allow it.");
        }

        CancellationToken abandoned = invocation.Clock?.Abandoned ?? CancellationToken.None;
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
        timeout.CancelAfter(function.Timeout);
        using HttpRequestMessage request = new(HttpMethod.Post, function.Url)
        {
            Content = new StringContent(payload is null ? "null" : payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Options.Set(NetworkDestinationGuard.AllowPrivateNetwork, function.AllowPrivateNetwork);
        if (function.FunctionKey is { } key)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", key.Reveal());
        }

        try
        {
            if (function.Identity is { } identity)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Bearer", await identities.GetTokenAsync(identity.Identity, identity.Scope, timeout.Token).ConfigureAwait(false));
            }

            using HttpResponseMessage response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (FunctionError(response, body) is { } errorType)
            {
                return FunctionCallResult.Failure(errorType, body);
            }

            return status switch
            {
                >= 200 and < 300 => FunctionCallResult.Success(body.Length == 0 ? null : ParsePayloadText(body), Encoding.UTF8.GetByteCount(body)),
                404 => ServiceError("ResourceNotFoundException", 404, $"Function not found: {function.Url.GetLeftPart(UriPartial.Path)}", requestId),
                429 => ServiceError("TooManyRequestsException", 429, "Rate Exceeded.", requestId),
                401 or 403 => ServiceError("AWSLambdaException", status, "The function host refused the function key.", requestId),
                >= 500 => ServiceError("ServiceException", status, $"The function host answered {status} {response.ReasonPhrase}.", requestId),
                _ => ServiceError("AWSLambdaException", status, $"The function host answered {status} {response.ReasonPhrase}.", requestId),
            };
        }
        catch (OperationCanceledException) when (!abandoned.IsCancellationRequested)
        {
            return FunctionCallResult.Failure("Lambda.SdkClientException", $"Unable to execute HTTP request: the call to '{function.Url.Host}' timed out after {function.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return FunctionCallResult.Failure("Lambda.SdkClientException", $"Unable to execute HTTP request: {e.InnerException?.Message ?? e.Message}");
        }
        catch (AuthenticationFailedException e)
        {
            return FunctionCallResult.Failure("Lambda.SdkClientException", $"Unable to execute HTTP request: no Entra token for the function's managed identity: {e.Message.Split('\n')[0].Trim()}");
        }
    }

    private static string? FunctionError(HttpResponseMessage response, string body)
    {
        bool flagged = response.Headers.Contains("X-Amz-Function-Error");
        if (!flagged && (int)response.StatusCode < 400)
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("errorType", out JsonElement type) && type.ValueKind == JsonValueKind.String)
            {
                return type.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return flagged ? response.Headers.GetValues("X-Amz-Function-Error").First() : null;
    }

    private static JsonNode? ParsePayloadText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }

    private JsonObject InvokeResult(JsonNode? payload, int bytes, int status, string requestId)
    {
        string date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        string length = bytes.ToString(CultureInfo.InvariantCulture);
        string trace = "Root=1-" + requestId.Replace("-", "", StringComparison.Ordinal)[..8] + "-" + requestId.Replace("-", "", StringComparison.Ordinal)[8..];
        (string Name, string Value)[] headers =
        [
            ("X-Amz-Executed-Version", "$LATEST"),
            ("x-amzn-Remapped-Content-Length", "0"),
            ("Connection", "keep-alive"),
            ("x-amzn-RequestId", requestId),
            ("Content-Length", length),
            ("Date", date),
            ("X-Amzn-Trace-Id", trace),
            ("Content-Type", "application/json"),
        ];
        JsonObject result = AwsResponseMetadata.AddTo(new JsonObject { ["ExecutedVersion"] = "$LATEST", ["Payload"] = payload }, headers, status, requestId);
        result["StatusCode"] = status;
        return result;
    }

    private static FunctionCallResult ServiceError(string code, int status, string message, string requestId) =>
        FunctionCallResult.Failure(
            "Lambda." + code,
            AwsErrorCause.V1(message, "AWSLambda", status, code, requestId));

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
