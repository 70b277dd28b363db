namespace AslOnDurable.Runtime.Executions;

/// <summary>
/// A task callback (SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat) was refused; nothing was sent. The HTTP API
/// answers 400 with <see cref="ErrorType"/> as <c>__type</c>, as AWS does.
/// </summary>
public sealed class TaskCallbackException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TaskCallbackException"/> class.</summary>
    /// <param name="errorType">The AWS error name (see <see cref="TaskCallbacks"/>).</param>
    /// <param name="message">What is wrong.</param>
    public TaskCallbackException(string errorType, string message)
        : base(message)
    {
        ErrorType = errorType;
    }

    /// <summary>Gets the AWS error name.</summary>
    public string ErrorType { get; }
}
