using System.Security.Cryptography;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// DynamoDB errors as Step Functions surfaces them: the optimized integration (<c>dynamodb:*</c>, SDK v1) names them
/// <c>DynamoDB.&lt;Exception&gt;</c> (a validation error is <c>DynamoDB.AmazonDynamoDBException</c>), the AWS SDK integration
/// (<c>aws-sdk:dynamodb:*</c>, SDK v2) <c>DynamoDb.&lt;Exception&gt;</c> (validation: <c>DynamoDb.DynamoDbException</c>).
/// </summary>
/// <param name="sdk">Whether the resource is the AWS SDK integration.</param>
internal sealed class DynamoDbErrors(bool sdk)
{
    /// <summary>A service error by DynamoDB's error code.</summary>
    /// <param name="code">The error code (<c>ValidationException</c>, <c>ConditionalCheckFailedException</c>, …).</param>
    /// <param name="message">DynamoDB's message.</param>
    /// <param name="status">The HTTP status.</param>
    /// <returns>The failure.</returns>
    public TaskOutcome Service(string code, string message, int status = 400)
    {
        string requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        bool modelled = code is not ("ValidationException" or "InternalServerError");
        return sdk
            ? TaskOutcome.Failure(new AslError("DynamoDb." + (modelled ? code : "DynamoDbException"), AwsErrorCause.V2(message, "DynamoDb", status, requestId)))
            : TaskOutcome.Failure(new AslError("DynamoDB." + (modelled ? code : "AmazonDynamoDBException"), AwsErrorCause.V1(message, "AmazonDynamoDBv2", status, code, requestId)));
    }

    /// <summary>The table does not exist (or has no key schema configured).</summary>
    /// <param name="detail">Which table and why, appended to AWS's message.</param>
    /// <returns>The failure.</returns>
    public TaskOutcome ResourceNotFound(string detail) => Service("ResourceNotFoundException", "Requested resource not found: " + detail);

    /// <summary>The account cannot be reached or is not configured.</summary>
    /// <param name="message">What went wrong.</param>
    /// <returns>The failure.</returns>
    public TaskOutcome Client(string message) =>
        TaskOutcome.Failure(new AslError((sdk ? "DynamoDb" : "DynamoDB") + ".SdkClientException", "Unable to execute HTTP request: " + message));

    /// <summary>A parameter problem the definition must fix (<c>States.Runtime</c>).</summary>
    /// <param name="message">What is wrong.</param>
    /// <returns>The failure.</returns>
    public static TaskOutcome Runtime(string message) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, message));
}
