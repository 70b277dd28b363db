using System.Net.Http.Headers;
using AslOnDurable.Runtime.Integrations.Connections;

namespace AslOnDurable.Runtime.Integrations.Identity;

/// <summary>
/// How an integration authenticates to an Azure service endpoint (Event Grid topics, Azure OpenAI deployments): the
/// service's access key in its own header, or a bearer token of a managed identity. Exactly one is set.
/// </summary>
/// <param name="Key">The access key, or <see langword="null"/>.</param>
/// <param name="Identity">The managed identity, or <see langword="null"/>.</param>
public sealed record AzureServiceAuthentication(Secret? Key, ManagedIdentity? Identity)
{
    /// <summary>Adds the credential to a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="keyHeader">The header an access key goes in (<c>aeg-sas-key</c>, <c>api-key</c>).</param>
    /// <param name="scope">The scope a token is requested for.</param>
    /// <param name="credentials">Hands out tokens.</param>
    /// <param name="cancellationToken">Cancels the token request.</param>
    /// <returns>A task that completes when the header is set.</returns>
    /// <exception cref="Azure.Identity.AuthenticationFailedException">No token could be had.</exception>
    public async ValueTask ApplyAsync(HttpRequestMessage request, string keyHeader, string scope, AzureCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(credentials);
        if (Key is not null)
        {
            request.Headers.TryAddWithoutValidation(keyHeader, Key.Reveal());
        }
        else if (Identity is not null)
        {
            string token = await credentials.GetTokenAsync(Identity, scope, cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }
}
