using System.Globalization;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// The <c>Cause</c> texts of AWS service errors as Step Functions surfaces them: optimized integrations run on the AWS
/// SDK for Java v1, AWS SDK integrations (<c>aws-sdk:*</c>) on v2, and each SDK formats its exceptions its own way.
/// </summary>
internal static class AwsErrorCause
{
    /// <summary>SDK v1: <c>message (Service: X; Status Code: N; Error Code: C; Request ID: R; Proxy: null)</c>.</summary>
    public static string V1(string message, string service, int status, string code, string requestId) =>
        $"{message} (Service: {service}; Status Code: {status.ToString(CultureInfo.InvariantCulture)}; Error Code: {code}; Request ID: {requestId}; Proxy: null)";

    /// <summary>SDK v2: <c>message (Service: X, Status Code: N, Request ID: R)</c>, S3 adding its extended request id.</summary>
    public static string V2(string message, string service, int status, string requestId, string? extendedRequestId = null) =>
        $"{message} (Service: {service}, Status Code: {status.ToString(CultureInfo.InvariantCulture)}, Request ID: {requestId}"
        + (extendedRequestId is null ? ")" : $", Extended Request ID: {extendedRequestId})");
}
