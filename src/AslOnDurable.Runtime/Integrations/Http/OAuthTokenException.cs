namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>A connection's OAuth token endpoint gave no token.</summary>
internal sealed class OAuthTokenException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OAuthTokenException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public OAuthTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public OAuthTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="statusCode">The token endpoint's status code.</param>
    /// <param name="message">What happened (no secrets).</param>
    public OAuthTokenException(int statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The token endpoint's status code.</summary>
    public int StatusCode { get; }
}
