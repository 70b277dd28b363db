using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>
/// Names a failed completion as Bedrock Runtime names its exceptions, under a service prefix (<c>Bedrock.</c> for
/// <c>bedrock:invokeModel</c>, <c>OpenAI.</c> for <c>openai:chatCompletions</c>), so Retry and Catch work as on AWS:
/// 429 is <c>ThrottlingException</c> (retry it; the cause says how long the service asked to wait).
/// </summary>
internal static class ModelErrors
{
    /// <summary>The error of a failed call.</summary>
    /// <param name="prefix">The error name's service prefix (<c>Bedrock</c>).</param>
    /// <param name="service">The service in the cause (<c>AmazonBedrockRuntime</c>).</param>
    /// <param name="result">The failed call.</param>
    /// <returns>The error.</returns>
    public static AslError Of(string prefix, string service, ChatCompletionResult result)
    {
        string? code = result.Status switch
        {
            0 => null,
            400 or 422 => "ValidationException",
            401 or 403 => "AccessDeniedException",
            404 => "ResourceNotFoundException",
            408 => "ModelTimeoutException",
            424 => "ModelErrorException",
            429 => "ThrottlingException",
            503 => "ServiceUnavailableException",
            _ => "InternalServerException",
        };
        return code is null
            ? new AslError(prefix + ".SdkClientException", "Unable to execute HTTP request: " + result.Message)
            : new AslError(prefix + "." + code, AwsErrorCause.V1(result.Message, service, result.Status, code, result.RequestId));
    }

    /// <summary>A request refused before it was sent (<c>ValidationException</c>, 400).</summary>
    /// <param name="prefix">The error name's service prefix.</param>
    /// <param name="service">The service in the cause.</param>
    /// <param name="message">What is wrong.</param>
    /// <returns>The error.</returns>
    public static AslError Validation(string prefix, string service, string message) =>
        Of(prefix, service, new ChatCompletionResult(null, 400, message, Guid.NewGuid().ToString()));
}
