namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>An API key sent as a request header (EventBridge <c>API_KEY</c>).</summary>
/// <param name="HeaderName">The header (<c>apiKeyName</c>).</param>
/// <param name="Value">The key (<c>apiKeyValue</c>).</param>
public sealed record ApiKeyAuthorization(string HeaderName, Secret Value) : ConnectionAuthorization;
