using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// The <c>SdkHttpMetadata</c> and <c>SdkResponseMetadata</c> fields optimized integrations (Lambda, SQS, DynamoDB) add
/// to their results, as the AWS SDK for Java v1 reports them: every header as an array under <c>AllHttpHeaders</c> (in
/// arrival order), the last value of each under <c>HttpHeaders</c> (sorted by name, ignoring case), the status code.
/// </summary>
internal static class AwsResponseMetadata
{
    /// <summary>Adds both fields to a result.</summary>
    /// <param name="result">The result (fields are appended in AWS's order: after the service's own).</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="requestId">The request id.</param>
    /// <returns>The same result.</returns>
    public static JsonObject AddTo(JsonObject result, IReadOnlyList<(string Name, string Value)> headers, int status, string requestId)
    {
        JsonObject all = [];
        JsonObject single = [];
        foreach (var (name, value) in headers)
        {
            all[name] = new JsonArray(value);
        }

        foreach (var (name, value) in headers.OrderBy(h => h.Name, StringComparer.OrdinalIgnoreCase))
        {
            single[name] = value;
        }

        result["SdkHttpMetadata"] = new JsonObject { ["AllHttpHeaders"] = all, ["HttpHeaders"] = single, ["HttpStatusCode"] = status };
        result["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
        return result;
    }
}
