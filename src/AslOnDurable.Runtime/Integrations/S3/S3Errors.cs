using System.Security.Cryptography;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using Azure;

namespace AslOnDurable.Runtime.Integrations.S3;

/// <summary>
/// S3 errors as Step Functions surfaces AWS SDK integration errors: <c>S3.&lt;Exception&gt;</c> with the SDK v2 cause
/// <c>message (Service: S3, Status Code: N, Request ID: R, Extended Request ID: E)</c>.
/// </summary>
internal static class S3Errors
{
    /// <summary>The container is missing.</summary>
    public static TaskOutcome NoSuchBucket() => Service("NoSuchBucketException", "The specified bucket does not exist", 404);

    /// <summary>The blob is missing.</summary>
    public static TaskOutcome NoSuchKey() => Service("NoSuchKeyException", "The specified key does not exist.", 404);

    /// <summary>A service error without a modelled exception (<c>S3.S3Exception</c>).</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="status">The HTTP status.</param>
    public static TaskOutcome S3Exception(string message, int status) => Service("S3Exception", message, status);

    /// <summary>The account cannot be reached or is not configured (<c>S3.SdkClientException</c>).</summary>
    /// <param name="message">What went wrong.</param>
    public static TaskOutcome Client(string message) => TaskOutcome.Failure(new AslError("S3.SdkClientException", "Unable to execute HTTP request: " + message));

    /// <summary>A parameter problem the definition must fix (<c>States.Runtime</c>).</summary>
    /// <param name="message">What is wrong.</param>
    public static TaskOutcome Runtime(string message) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, message));

    /// <summary>Maps an Azure Blob Storage failure to the S3 error AWS would raise.</summary>
    /// <param name="e">The failure.</param>
    public static TaskOutcome From(RequestFailedException e) => e.ErrorCode switch
    {
        "ContainerNotFound" => NoSuchBucket(),
        "BlobNotFound" or "CannotVerifyCopySource" => NoSuchKey(),
        "InvalidResourceName" or "OutOfRangeInput" => S3Exception("The specified bucket or key is not valid.", 400),
        _ when e.Status == 0 => Client(e.Message),
        _ => S3Exception(FirstLine(e.Message), e.Status),
    };

    private static string FirstLine(string message)
    {
        int end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }

    private static TaskOutcome Service(string exception, string message, int status)
    {
        string requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        string extended = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        return TaskOutcome.Failure(new AslError("S3." + exception, AwsErrorCause.V2(message, "S3", status, requestId, extended)));
    }
}
