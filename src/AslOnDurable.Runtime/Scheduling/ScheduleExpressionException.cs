namespace AslOnDurable.Runtime.Scheduling;

/// <summary>A schedule expression or schedule configuration is invalid (the message says what and where).</summary>
public sealed class ScheduleExpressionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ScheduleExpressionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ScheduleExpressionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScheduleExpressionException()
    {
    }
}
