using AslOnDurable.Runtime.Integrations.Identity;

namespace AslOnDurable.Runtime.Integrations.Connections;

/// <summary>
/// A Microsoft Entra bearer token of a managed identity (<c>MANAGED_IDENTITY</c> connections, HTTP-triggered functions
/// behind App Service authentication), requested for <paramref name="Scope"/> on every call (the credential caches it).
/// </summary>
/// <param name="Scope">The scope (<c>api://&lt;app id&gt;/.default</c>, <c>https://management.azure.com/.default</c>).</param>
/// <param name="Identity">The identity.</param>
public sealed record ManagedIdentityAuthorization(string Scope, ManagedIdentity Identity) : ConnectionAuthorization;
