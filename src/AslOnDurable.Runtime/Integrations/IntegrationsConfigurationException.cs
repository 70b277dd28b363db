namespace AslOnDurable.Runtime.Integrations;

/// <summary>An integrations configuration that cannot be used; <see cref="Problems"/> lists every problem found.</summary>
public sealed class IntegrationsConfigurationException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="problems">Every problem, each <c>/json/pointer: message</c>.</param>
    public IntegrationsConfigurationException(IReadOnlyList<string> problems)
        : base("The integrations configuration is invalid: " + string.Join("; ", problems ?? throw new ArgumentNullException(nameof(problems))))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception.</summary>
    public IntegrationsConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public IntegrationsConfigurationException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public IntegrationsConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, each <c>/json/pointer: message</c>.</summary>
    public IReadOnlyList<string> Problems { get; } = [];
}
