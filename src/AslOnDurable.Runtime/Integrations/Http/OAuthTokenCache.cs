using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AslOnDurable.Runtime.Integrations.Connections;

namespace AslOnDurable.Runtime.Integrations.Http;

/// <summary>
/// Fetches and reuses OAuth client-credentials tokens per connection: a token is reused until one minute before its
/// <c>expires_in</c> ends (tokens without one are fetched for every request). The client secret goes only to the token
/// endpoint; failures name the endpoint and status, never the secret or the token.
/// </summary>
/// <param name="client">Sends the token requests (the same guarded transport as the tasks).</param>
/// <param name="time">The clock for expiry.</param>
internal sealed class OAuthTokenCache(HttpMessageInvoker client, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> tokens = new(StringComparer.Ordinal);

    /// <summary>A bearer token for the connection.</summary>
    /// <param name="connection">The connection.</param>
    /// <param name="authorization">Its OAuth settings.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token.</returns>
    /// <exception cref="OAuthTokenException">The endpoint refused or answered without a token.</exception>
    public async Task<string> GetTokenAsync(HttpConnection connection, OAuthClientCredentialsAuthorization authorization, CancellationToken cancellationToken)
    {
        if (tokens.TryGetValue(connection.Name, out var cached) && cached.Expires > time.GetUtcNow())
        {
            return cached.Token;
        }

        List<KeyValuePair<string, string>> form = [new("grant_type", "client_credentials")];
        if (authorization.Scope is { } scope)
        {
            form.Add(new("scope", scope));
        }

        using HttpRequestMessage request = new(HttpMethod.Post, authorization.TokenEndpoint) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(authorization.ClientId) + ":" + Uri.EscapeDataString(authorization.ClientSecret.Reveal()))));
        request.Options.Set(NetworkDestinationGuard.AllowPrivateNetwork, connection.AllowPrivateNetwork);
        using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new OAuthTokenException(
                (int)response.StatusCode, $"The OAuth token endpoint {authorization.TokenEndpoint.GetLeftPart(UriPartial.Path)} of connection '{connection.Name}' answered {(int)response.StatusCode} {response.ReasonPhrase}.");
        }

        string text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        string? token = null;
        double? expiresIn = null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("access_token", out JsonElement t) && t.ValueKind == JsonValueKind.String)
                {
                    token = t.GetString();
                }

                if (document.RootElement.TryGetProperty("expires_in", out JsonElement e))
                {
                    expiresIn = e.ValueKind == JsonValueKind.Number ? e.GetDouble()
                        : e.ValueKind == JsonValueKind.String && double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) ? parsed : null;
                }
            }
        }
        catch (JsonException)
        {
            token = null;
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new OAuthTokenException((int)response.StatusCode, $"The OAuth token endpoint of connection '{connection.Name}' answered without an access_token.");
        }

        if (expiresIn is { } seconds && TimeSpan.FromSeconds(seconds) > Margin)
        {
            tokens[connection.Name] = (token, time.GetUtcNow() + TimeSpan.FromSeconds(seconds) - Margin);
        }

        return token;
    }
}
