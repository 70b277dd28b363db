using AslOnDurable.Runtime.Integrations.Connections;

namespace AslOnDurable.Runtime.Integrations.Lambda;

/// <summary>
/// An HTTP-triggered Azure Function standing in for a Lambda function: the payload is POSTed as JSON to
/// <paramref name="Url"/> with the function key in <c>x-functions-key</c>; the response body is the function's result.
/// </summary>
/// <param name="Url">The function's URL (<c>https://&lt;app&gt;.azurewebsites.net/api/&lt;name&gt;</c>).</param>
/// <param name="FunctionKey">The function key, or <see langword="null"/> for anonymous functions.</param>
/// <param name="AllowPrivateNetwork">Whether loopback and link-local addresses may be called (local development).</param>
/// <param name="Timeout">How long a call may take.</param>
public sealed record HttpFunction(Uri Url, Secret? FunctionKey, bool AllowPrivateNetwork, TimeSpan Timeout) : LambdaFunction
{
    /// <summary>
    /// A managed identity whose bearer token goes with each call (a function app behind App Service authentication), or
    /// <see langword="null"/>; it can be combined with <see cref="FunctionKey"/>.
    /// </summary>
    public ManagedIdentityAuthorization? Identity { get; init; }
}
