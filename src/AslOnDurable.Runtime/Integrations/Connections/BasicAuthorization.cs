namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>HTTP Basic authentication (EventBridge <c>BASIC</c>).</summary>
/// <param name="Username">The user name.</param>
/// <param name="Password">The password.</param>
public sealed record BasicAuthorization(string Username, Secret Password) : ConnectionAuthorization;
