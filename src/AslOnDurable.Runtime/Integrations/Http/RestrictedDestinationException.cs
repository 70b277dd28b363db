namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>An HTTP task's destination that <see cref="NetworkDestinationGuard"/> refused.</summary>
internal sealed class RestrictedDestinationException : IOException
{
    /// <summary>Creates the exception.</summary>
    public RestrictedDestinationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the destination is refused.</param>
    public RestrictedDestinationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">Why the destination is refused.</param>
    /// <param name="innerException">The cause.</param>
    public RestrictedDestinationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
