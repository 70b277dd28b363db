namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>
/// How a connection authorizes the requests made through it: the counterpart of an EventBridge connection's
/// <c>AuthorizationType</c> (<c>API_KEY</c>, <c>BASIC</c>, <c>OAUTH_CLIENT_CREDENTIALS</c>) plus Azure managed identity.
/// </summary>
public abstract record ConnectionAuthorization;
