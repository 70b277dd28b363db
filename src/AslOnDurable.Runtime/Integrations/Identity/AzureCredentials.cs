using System.Collections.Concurrent;
using Azure.Core;
using Azure.Identity;

namespace AslOnDurable.Runtime.Integrations.Identity;

/// <summary>
/// Hands out Microsoft Entra tokens for the identities the integrations configuration names: one
/// <see cref="TokenCredential"/> per identity (the credential caches its tokens), created by a factory so tests can pass
/// a fake. Tokens go into an <c>Authorization</c> header and nowhere else (never logged, never in results or errors).
/// </summary>
/// <param name="create">Makes the credential of a client id (<see langword="null"/>: the default identity).</param>
public sealed class AzureCredentials(Func<string?, TokenCredential> create)
{
    private readonly ConcurrentDictionary<string, TokenCredential> credentials = new(StringComparer.Ordinal);

    /// <summary>Credentials from <see cref="DefaultAzureCredential"/> (managed identity on Azure, developer sign-in elsewhere).</summary>
    /// <returns>The credentials.</returns>
    public static AzureCredentials CreateDefault() =>
        new(clientId => new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId }));

    /// <summary>The credential of an identity.</summary>
    /// <param name="identity">The identity.</param>
    /// <returns>The credential (the same object for the same identity).</returns>
    public TokenCredential For(ManagedIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        return credentials.GetOrAdd(identity.ClientId ?? string.Empty, id => create(id.Length == 0 ? null : id));
    }

    /// <summary>A token of an identity for a scope.</summary>
    /// <param name="identity">The identity.</param>
    /// <param name="scope">The scope (<c>https://eventgrid.azure.net/.default</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bearer token text.</returns>
    /// <exception cref="AuthenticationFailedException">No token could be had (no identity, no sign-in, refused).</exception>
    public async ValueTask<string> GetTokenAsync(ManagedIdentity identity, string scope, CancellationToken cancellationToken)
    {
        AccessToken token = await For(identity).GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
