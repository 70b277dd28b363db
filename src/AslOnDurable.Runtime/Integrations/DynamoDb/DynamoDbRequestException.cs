namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// A request DynamoDB would refuse, raised while reading parameters or expressions and turned into the Task's error at
/// the handler's one boundary (DynamoDbErrors).
/// </summary>
public sealed class DynamoDbRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DynamoDbRequestException()
        : this("ValidationException", "The request is invalid.")
    {
    }

    /// <summary>Creates a <c>ValidationException</c>.</summary>
    /// <param name="message">DynamoDB's message.</param>
    public DynamoDbRequestException(string message)
        : this("ValidationException", message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">DynamoDB's message.</param>
    /// <param name="innerException">The cause.</param>
    public DynamoDbRequestException(string message, Exception innerException)
        : base(message, innerException) => ErrorCode = "ValidationException";

    /// <summary>Creates the exception.</summary>
    /// <param name="errorCode">DynamoDB's error code (<c>ValidationException</c>, <c>ConditionalCheckFailedException</c>, …).</param>
    /// <param name="message">DynamoDB's message.</param>
    public DynamoDbRequestException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>DynamoDB's error code.</summary>
    public string ErrorCode { get; }
}
