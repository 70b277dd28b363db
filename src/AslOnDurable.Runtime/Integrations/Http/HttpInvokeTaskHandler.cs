using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Identity;

namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>
/// The HTTP task, <c>arn:aws:states:::http:invoke</c>: calls <c>ApiEndpoint</c> with the Task's method, headers, query
/// parameters and body, authorized by the connection <c>Authentication.ConnectionArn</c> names in the integrations
/// configuration, and returns <c>{Headers, ResponseBody, StatusCode, StatusText}</c>.
/// </summary>
/// <remarks>
/// AWS: a non-2xx answer fails the task with <c>States.Http.StatusCode.&lt;code&gt;</c> and the response object (as JSON
/// text) as cause; a request that cannot be made or times out (60 s) fails with <c>States.Http.Socket</c>. A JSON
/// answer's body is parsed, any other is a string. The connection's headers and query parameters override the Task's;
/// its body parameters are merged into the Task's object body, winning over its keys (a string body with connection body
/// parameters fails the state with <c>States.Runtime</c>, as on AWS), before any URL encoding.
/// Credentials never appear in results, errors or logs: causes carry only the response and the failure's description.
/// <c>arn:aws:states:::http:invoke.waitForTaskToken</c> is an AslOnDurable extension (AWS has the Request Response
/// pattern only; <c>asl validate</c> warns): the same call, whose Task puts <c>$$.Task.Token</c> in the body, headers or
/// query; a 2xx answer leaves the state waiting for SendTaskSuccess/SendTaskFailure (the durable callback wait), any
/// other fails it at once as above.
/// </remarks>
/// <param name="configuration">The connections.</param>
/// <param name="client">Sends requests (<see cref="NetworkDestinationGuard.CreateHandler"/> in hosts; a fake in tests).</param>
/// <param name="time">The clock for OAuth token expiry.</param>
/// <param name="credentials">Managed identity tokens (<c>MANAGED_IDENTITY</c> connections); <see cref="AzureCredentials.CreateDefault"/> when <see langword="null"/>.</param>
public sealed class HttpInvokeTaskHandler(IntegrationsConfiguration configuration, HttpMessageInvoker client, TimeProvider time, AzureCredentials? credentials = null) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:aws:states:::http:invoke";

    /// <summary>The callback variant (an AslOnDurable extension): the call, then the wait for the task token.</summary>
    public const string WaitForTaskTokenResource = Resource + ".waitForTaskToken";

    private static readonly string[] ForbiddenHeaders =
        ["host", "content-length", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"];

    private readonly OAuthTokenCache tokens = new(client, time);

    private readonly AzureCredentials identities = credentials ?? AzureCredentials.CreateDefault();

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        bool waitForToken = invocation.Resource == WaitForTaskTokenResource;
        if (!waitForToken && invocation.Resource != Resource)
        {
            // '.sync' has no meaning for a plain HTTP call; validation refuses it.
            return Runtime($"The resource provided {invocation.Resource} is not recognized: the HTTP task is '{Resource}' or '{WaitForTaskTokenResource}' (no '.sync').");
        }

        if (HttpInvokeParameters.Read(invocation.Input, out string? problem) is not { } parameters)
        {
            return Runtime(problem!);
        }

        if (!configuration.TryGetConnection(parameters.ConnectionArn, out HttpConnection? connection))
        {
            return Runtime($"The connection '{parameters.ConnectionArn}' is not configured: add it under 'connections' in the integrations configuration.");
        }

        if (!connection.AllowPrivateNetwork && NetworkDestinationGuard.RestrictionOf(parameters.ApiEndpoint) is { } restriction)
        {
            return Failure(HttpTaskErrors.Socket, $"The host '{parameters.ApiEndpoint.Host}' is refused: it is a {restriction} address; set \"allowPrivateNetwork\": true on the connection '{connection.Name}' to allow it.");
        }

        CancellationToken abandoned = invocation.Clock?.Abandoned ?? CancellationToken.None;
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(abandoned);
        timeout.CancelAfter(connection.Timeout);
        try
        {
            using HttpRequestMessage request = await BuildRequestAsync(parameters, connection, timeout.Token).ConfigureAwait(false);
            using HttpResponseMessage response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            JsonObject result = await ToResultAsync(response, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            return status is >= 200 and < 300
                ? waitForToken ? TaskOutcome.AwaitingCallback() : TaskOutcome.Success(result)
                : Failure(HttpTaskErrors.StatusCodePrefix + status.ToString(CultureInfo.InvariantCulture), result.ToJsonString());
        }
        catch (RequestException e)
        {
            return Runtime(e.Message);
        }
        catch (OAuthTokenException e)
        {
            return Failure(e.StatusCode is >= 400 ? HttpTaskErrors.StatusCodePrefix + e.StatusCode.ToString(CultureInfo.InvariantCulture) : HttpTaskErrors.Socket, e.Message);
        }
        catch (AuthenticationFailedException e)
        {
            return Failure(HttpTaskErrors.Socket, $"No Entra token for the managed identity of connection '{connection.Name}': {e.Message.Split('\n')[0].Trim()}");
        }
        catch (OperationCanceledException) when (!abandoned.IsCancellationRequested)
        {
            return Failure(HttpTaskErrors.Socket, $"The request to '{parameters.ApiEndpoint.Host}' timed out after {connection.Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return Failure(HttpTaskErrors.Socket, $"The request to '{parameters.ApiEndpoint.Host}' failed: {Describe(e)}");
        }
    }

    private async Task<HttpRequestMessage> BuildRequestAsync(HttpInvokeParameters parameters, HttpConnection connection, CancellationToken cancellationToken)
    {
        HttpRequestMessage request = new(new HttpMethod(parameters.Method), WithQuery(parameters.ApiEndpoint, parameters.QueryParameters, connection.QueryParameters));
        try
        {
            request.Options.Set(NetworkDestinationGuard.AllowPrivateNetwork, connection.AllowPrivateNetwork);
            string? contentType = null;
            if (parameters.Headers is { } headers)
            {
                foreach (var (name, value) in headers)
                {
                    string text = value is JsonValue ? UrlEncodedForm.Text(value) : throw new RequestException($"The header '{name}' must have a string, number or boolean value.");
                    if (Array.IndexOf(ForbiddenHeaders, name.ToLowerInvariant()) >= 0 || name.StartsWith("x-amz", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new RequestException($"The header '{name}' cannot be set by an HTTP task.");
                    }

                    if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                    {
                        contentType = text;
                    }
                    else if (!request.Headers.TryAddWithoutValidation(name, text))
                    {
                        throw new RequestException($"The header '{name}' is not a valid request header.");
                    }
                }
            }

            request.Content = Body(parameters, connection, contentType);
            await AuthorizeAsync(request, connection, cancellationToken).ConfigureAwait(false);
            return request;
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, HttpConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in connection.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value.Reveal());
        }

        switch (connection.Authorization)
        {
            case ApiKeyAuthorization apiKey:
                request.Headers.Remove(apiKey.HeaderName);
                request.Headers.TryAddWithoutValidation(apiKey.HeaderName, apiKey.Value.Reveal());
                break;
            case BasicAuthorization basic:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(basic.Username + ":" + basic.Password.Reveal())));
                break;
            case OAuthClientCredentialsAuthorization oauth:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await tokens.GetTokenAsync(connection, oauth, cancellationToken).ConfigureAwait(false));
                break;
            case ManagedIdentityAuthorization identity:
                request.Headers.Authorization = new AuthenticationHeaderValue(
                    "Bearer", await identities.GetTokenAsync(identity.Identity, identity.Scope, cancellationToken).ConfigureAwait(false));
                break;
            default:
                break;
        }
    }

    private static ByteArrayContent? Body(HttpInvokeParameters parameters, HttpConnection connection, string? contentType)
    {
        if (WithConnectionBody(parameters.RequestBody, connection) is not { } body)
        {
            return null;
        }

        (string text, string defaultType) = parameters.UrlEncoded
            ? (UrlEncodedForm.Encode((JsonObject)body, parameters.ArrayFormat), "application/x-www-form-urlencoded")
            : body.GetValueKind() == JsonValueKind.String
            ? (body.GetValue<string>(), "text/plain; charset=UTF-8")
            : (body.ToJsonString(), "application/json; charset=UTF-8");
        ByteArrayContent content = new(Encoding.UTF8.GetBytes(text));
        if (!MediaTypeHeaderValue.TryParse(contentType ?? defaultType, out MediaTypeHeaderValue? type))
        {
            content.Dispose();
            throw new RequestException($"The Content-Type '{contentType}' is not valid.");
        }

        content.Headers.ContentType = type;
        return content;
    }

    /// <summary>
    /// The body sent: the Task's, with the connection's body parameters merged in (a copy: the parameters with their
    /// secrets never reach the Task's input, result or history).
    /// </summary>
    private static JsonNode? WithConnectionBody(JsonNode? body, HttpConnection connection)
    {
        if (connection.BodyParameters.IsEmpty)
        {
            return body;
        }

        if (body is not null and not JsonObject)
        {
            throw new RequestException(
                $"The request body is a {(body.GetValueKind() == JsonValueKind.String ? "string" : "JSON " + body.GetValueKind().ToString().ToLowerInvariant())}: "
                + $"the body parameters of connection '{connection.Name}' can be merged only into a JSON object body.");
        }

        JsonObject merged = body is null ? [] : (JsonObject)body.DeepClone();
        foreach (var (name, value) in connection.BodyParameters)
        {
            merged[name] = value.Reveal();
        }

        return merged;
    }

    private static Uri WithQuery(Uri endpoint, JsonObject? task, IEnumerable<KeyValuePair<string, Secret>> connection)
    {
        List<KeyValuePair<string, string>> pairs = [];
        HashSet<string> fromConnection = new(StringComparer.Ordinal);
        foreach (var (name, value) in connection)
        {
            fromConnection.Add(name);
            pairs.Add(new(name, value.Reveal()));
        }

        foreach (var (name, value) in task ?? [])
        {
            if (fromConnection.Contains(name))
            {
                continue;
            }

            if (value is JsonArray items)
            {
                foreach (JsonNode? item in items)
                {
                    pairs.Add(new(name, UrlEncodedForm.Text(item)));
                }
            }
            else
            {
                pairs.Add(new(name, UrlEncodedForm.Text(value)));
            }
        }

        if (pairs.Count == 0)
        {
            return endpoint;
        }

        StringBuilder query = new(endpoint.Query.TrimStart('?'));
        foreach (var (name, value) in pairs)
        {
            query.Append(query.Length == 0 ? "" : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new UriBuilder(endpoint) { Query = query.ToString() }.Uri;
    }

    private static async Task<JsonObject> ToResultAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonObject headers = [];
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonObject result = new() { ["Headers"] = headers };
        if (text.Length > 0)
        {
            result["ResponseBody"] = IsJson(response.Content.Headers.ContentType) && TryParse(text) is { } json ? json : JsonValue.Create(text);
        }

        result["StatusCode"] = (int)response.StatusCode;
        result["StatusText"] = response.ReasonPhrase ?? "";
        return result;
    }

    private static bool IsJson(MediaTypeHeaderValue? type) =>
        type?.MediaType is { } media && (media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Describe(HttpRequestException e)
    {
        for (Exception? inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is RestrictedDestinationException restricted)
            {
                return restricted.Message;
            }
        }

        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved.",
            HttpRequestError.ConnectionError => "the connection could not be made" + (e.InnerException is { } inner ? $" ({inner.Message})." : "."),
            HttpRequestError.SecureConnectionError => "the TLS handshake failed.",
            _ => e.Message,
        };
    }

    private static TaskOutcome Runtime(string cause) => Failure(StatesErrorNames.Runtime, cause);

    private static TaskOutcome Failure(string error, string cause) => TaskOutcome.Failure(new AslError(error, cause));

    private sealed class RequestException(string message) : Exception(message);
}
