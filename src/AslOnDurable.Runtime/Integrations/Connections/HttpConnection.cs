using System.Collections.Immutable;

namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>
/// A named connection HTTP tasks refer to with <c>Authentication.ConnectionArn</c> (the counterpart of an EventBridge
/// connection): how requests are authorized, extra parameters sent with every request, and which networks it may reach.
/// </summary>
public sealed record HttpConnection
{
    /// <summary>The connection's name (the <c>&lt;name&gt;</c> of <c>arn:aws:events:…:connection/&lt;name&gt;/&lt;id&gt;</c>).</summary>
    public required string Name { get; init; }

    /// <summary>How requests are authorized.</summary>
    public required ConnectionAuthorization Authorization { get; init; }

    /// <summary>Headers added to every request (EventBridge <c>InvocationHttpParameters.HeaderParameters</c>); they win over the Task's.</summary>
    public ImmutableArray<KeyValuePair<string, Secret>> Headers { get; init; } = [];

    /// <summary>Query parameters added to every request (<c>QueryStringParameters</c>); they win over the Task's.</summary>
    public ImmutableArray<KeyValuePair<string, Secret>> QueryParameters { get; init; } = [];

    /// <summary>
    /// Body parameters merged into every request's body (<c>BodyParameters</c>): added to the Task's JSON object body (or
    /// make the body when it has none), winning over the Task's keys; a Task body that is not an object fails the state.
    /// </summary>
    public ImmutableArray<KeyValuePair<string, Secret>> BodyParameters { get; init; } = [];

    /// <summary>
    /// Whether requests through this connection may reach loopback, link-local and cloud metadata addresses (refused by
    /// default, so a definition cannot reach the host's own services or instance credentials).
    /// </summary>
    public bool AllowPrivateNetwork { get; init; }

    /// <summary>How long one request may take before it fails with <c>States.Http.Socket</c> (AWS: 60 seconds).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
}
