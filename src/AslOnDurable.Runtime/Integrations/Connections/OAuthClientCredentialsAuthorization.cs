namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>
/// OAuth 2.0 client credentials (EventBridge <c>OAUTH_CLIENT_CREDENTIALS</c>): a bearer token fetched from
/// <paramref name="TokenEndpoint"/> with <c>grant_type=client_credentials</c> and reused until shortly before it expires.
/// </summary>
/// <param name="TokenEndpoint">The authorization endpoint (<c>authorizationEndpoint</c>).</param>
/// <param name="ClientId">The client id.</param>
/// <param name="ClientSecret">The client secret.</param>
/// <param name="Scope">The scope requested, or <see langword="null"/>.</param>
public sealed record OAuthClientCredentialsAuthorization(Uri TokenEndpoint, string ClientId, Secret ClientSecret, string? Scope) : ConnectionAuthorization;
