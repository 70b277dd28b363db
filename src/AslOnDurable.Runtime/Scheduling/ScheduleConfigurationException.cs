namespace AslOnDurable.Runtime.Scheduling;

/// <summary>A schedules configuration is invalid: every problem found, each naming its JSON Pointer.</summary>
public sealed class ScheduleConfigurationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Each problem as <c>/pointer: message</c>.</param>
    public ScheduleConfigurationException(IReadOnlyList<string> problems)
        : base("Invalid schedules configuration:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    public ScheduleConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScheduleConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ScheduleConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem, as <c>/pointer: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
