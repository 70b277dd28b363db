namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>The error names of the HTTP task, spelled as AWS spells them.</summary>
internal static class HttpTaskErrors
{
    /// <summary>The request could not be made or got no answer in time (connection refused, DNS, TLS, timeout).</summary>
    public const string Socket = "States.Http.Socket";

    /// <summary>The prefix of a non-2xx answer's error: <c>States.Http.StatusCode.404</c>.</summary>
    public const string StatusCodePrefix = "States.Http.StatusCode.";
}
