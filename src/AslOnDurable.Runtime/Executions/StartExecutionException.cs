namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// A start request was refused before anything was scheduled. It is a <see cref="FormatException"/>, so a queue
/// trigger retries the message and then moves it to the poison queue; the HTTP API answers 400 with
/// <see cref="ErrorType"/> as <c>__type</c>.
/// </summary>
public sealed class StartExecutionException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="StartExecutionException"/> class.</summary>
    /// <param name="errorType">The AWS error name: <c>InvalidDefinition</c>, <c>InvalidExecutionInput</c>, <c>InvalidName</c> or <c>InvalidRequest</c>.</param>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The parse error behind it, if any.</param>
    public StartExecutionException(string errorType, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorType = errorType;
    }

    /// <summary>Gets the AWS error name.</summary>
    public string ErrorType { get; }
}
