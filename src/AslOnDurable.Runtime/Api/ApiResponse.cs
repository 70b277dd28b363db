namespace AslOnDurable.Runtime.Api;

/// <summary>A transport-agnostic API answer: a status code and a JSON body, which hosts copy to their transport.</summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="Body">The JSON body.</param>
public sealed record ApiResponse(int StatusCode, string Body)
{
    /// <summary>The content type of every body.</summary>
    public const string ContentType = "application/json";
}
