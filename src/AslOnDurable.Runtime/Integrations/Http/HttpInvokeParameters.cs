using System.Text.Json;
using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>
/// The parameters of <c>arn:aws:states:::http:invoke</c>, checked: <c>ApiEndpoint</c>, <c>Method</c>,
/// <c>Authentication.ConnectionArn</c> (all required), <c>Headers</c>, <c>QueryParameters</c>, <c>RequestBody</c> and
/// <c>Transform</c> (<c>RequestBodyEncoding</c> <c>NONE</c> or <c>URL_ENCODED</c>,
/// <c>RequestEncodingOptions.ArrayFormat</c>).
/// </summary>
internal sealed record HttpInvokeParameters
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];
    private static readonly string[] Known = ["ApiEndpoint", "Method", "Authentication", "Headers", "QueryParameters", "RequestBody", "Transform"];

    /// <summary>The URL.</summary>
    public required Uri ApiEndpoint { get; init; }

    /// <summary>The method, upper case.</summary>
    public required string Method { get; init; }

    /// <summary>The connection's ARN as written.</summary>
    public required string ConnectionArn { get; init; }

    /// <summary>The Task's headers.</summary>
    public JsonObject? Headers { get; init; }

    /// <summary>The Task's query parameters.</summary>
    public JsonObject? QueryParameters { get; init; }

    /// <summary>The body, or <see langword="null"/> when absent.</summary>
    public JsonNode? RequestBody { get; init; }

    /// <summary>Whether the body is sent URL-encoded.</summary>
    public bool UrlEncoded { get; init; }

    /// <summary>The array format of a URL-encoded body.</summary>
    public string ArrayFormat { get; init; } = "INDICES";

    /// <summary>Reads and checks the effective parameters.</summary>
    /// <param name="input">The Task's effective parameters.</param>
    /// <param name="problem">What is wrong, when the result is <see langword="null"/>.</param>
    /// <returns>The parameters, or <see langword="null"/>.</returns>
    public static HttpInvokeParameters? Read(JsonNode? input, out string? problem)
    {
        problem = null;
        if (input is not JsonObject fields)
        {
            problem = "The parameters of http:invoke must be an object with ApiEndpoint, Method and Authentication.";
            return null;
        }

        foreach (var (key, _) in fields)
        {
            if (Array.IndexOf(Known, key) < 0)
            {
                problem = $"The field '{key}' is not supported by http:invoke (expected {string.Join(", ", Known)}).";
                return null;
            }
        }

        if (!JsonText.TryString(fields["ApiEndpoint"], out string? endpointText)
            || !Uri.TryCreate(endpointText, UriKind.Absolute, out Uri? endpoint)
            || endpoint.Scheme is not ("https" or "http"))
        {
            problem = "The field 'ApiEndpoint' must be an absolute http(s) URL.";
            return null;
        }

        if (!JsonText.TryString(fields["Method"], out string? method) || Array.IndexOf(Methods, method.ToUpperInvariant()) < 0)
        {
            problem = $"The field 'Method' must be one of {string.Join(", ", Methods)}.";
            return null;
        }

        if (fields["Authentication"] is not JsonObject authentication || !JsonText.TryString(authentication["ConnectionArn"], out string? connectionArn))
        {
            problem = "The field 'Authentication' must be an object with 'ConnectionArn' (a string).";
            return null;
        }

        JsonObject? headers = null;
        JsonObject? query = null;
        if ((fields["Headers"] is { } h && (headers = h as JsonObject) is null) || (fields["QueryParameters"] is { } q && (query = q as JsonObject) is null))
        {
            problem = "The fields 'Headers' and 'QueryParameters' must be objects.";
            return null;
        }

        bool urlEncoded = false;
        string arrayFormat = "INDICES";
        if (fields["Transform"] is { } transformNode)
        {
            if (ReadTransform(transformNode, out urlEncoded, out arrayFormat) is { } transformProblem)
            {
                problem = transformProblem;
                return null;
            }
        }

        JsonNode? body = fields.TryGetPropertyValue("RequestBody", out JsonNode? b) ? b : null;
        if (urlEncoded && body is not (null or JsonObject))
        {
            problem = "A URL_ENCODED 'RequestBody' must be an object.";
            return null;
        }

        return new HttpInvokeParameters
        {
            ApiEndpoint = endpoint,
            Method = method.ToUpperInvariant(),
            ConnectionArn = connectionArn,
            Headers = headers,
            QueryParameters = query,
            RequestBody = body,
            UrlEncoded = urlEncoded,
            ArrayFormat = arrayFormat,
        };
    }

    private static string? ReadTransform(JsonNode node, out bool urlEncoded, out string arrayFormat)
    {
        urlEncoded = false;
        arrayFormat = "INDICES";
        if (node is not JsonObject transform)
        {
            return "The field 'Transform' must be an object.";
        }

        if (transform["RequestBodyEncoding"] is { } encodingNode)
        {
            if (!JsonText.TryString(encodingNode, out string? encoding) || encoding is not ("NONE" or "URL_ENCODED"))
            {
                return "Transform.RequestBodyEncoding must be NONE or URL_ENCODED.";
            }

            urlEncoded = encoding == "URL_ENCODED";
        }

        if (transform["RequestEncodingOptions"] is { } options)
        {
            if (options is not JsonObject || !JsonText.TryString(options["ArrayFormat"], out string? format) || Array.IndexOf(UrlEncodedForm.ArrayFormats, format) < 0)
            {
                return $"Transform.RequestEncodingOptions.ArrayFormat must be one of {string.Join(", ", UrlEncodedForm.ArrayFormats)}.";
            }

            arrayFormat = format;
        }

        return null;
    }

}
