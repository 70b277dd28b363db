using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Identity;

namespace AslOnDurable.Runtime.Integrations.OpenAI;

/// <summary>
/// Calls an Azure OpenAI deployment's Chat Completions API: the request JSON is POSTed as given, with the API key in
/// <c>api-key</c> or a bearer token for <see cref="Scope"/>; a 429's <c>retry-after</c> is carried into the message.
/// </summary>
/// <param name="client">Sends the request (<see cref="TaskIntegrations.CreateHttpClient"/>).</param>
/// <param name="credentials">Hands out managed identity tokens.</param>
public sealed class ChatCompletionsClient(HttpMessageInvoker client, AzureCredentials credentials)
{
    /// <summary>The Entra scope of Azure OpenAI tokens.</summary>
    public const string Scope = "https://cognitiveservices.azure.com/.default";

    /// <summary>Sends one Chat Completions request.</summary>
    /// <param name="deployment">The deployment.</param>
    /// <param name="request">The request body (<c>messages</c>, <c>max_tokens</c>, …).</param>
    /// <param name="cancellationToken">Cancelled when the task attempt is abandoned.</param>
    /// <returns>The response or the failure.</returns>
    public async Task<ChatCompletionResult> CompleteAsync(AzureOpenAIDeployment deployment, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        ArgumentNullException.ThrowIfNull(request);
        string requestId = Guid.NewGuid().ToString();
        if (!deployment.AllowPrivateNetwork && NetworkDestinationGuard.RestrictionOf(deployment.Endpoint) is { } restriction)
        {
            return new(null, 0, $"the host '{deployment.Endpoint.Host}' is a {restriction} address; set \"allowPrivateNetwork\": true on the deployment to allow it.", requestId);
        }

        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deployment.Timeout);
        using HttpRequestMessage message = new(HttpMethod.Post, deployment.ChatCompletionsUrl)
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        message.Options.Set(NetworkDestinationGuard.AllowPrivateNetwork, deployment.AllowPrivateNetwork);
        try
        {
            await deployment.Authentication.ApplyAsync(message, "api-key", Scope, credentials, timeout.Token).ConfigureAwait(false);
            using HttpResponseMessage response = await client.SendAsync(message, timeout.Token).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            if (response.Headers.TryGetValues("apim-request-id", out IEnumerable<string>? ids))
            {
                requestId = ids.First();
            }

            int status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return JsonText.ParseObject(body) is { } parsed
                    ? new(parsed, status, string.Empty, requestId)
                    : new(null, 502, "The deployment answered with a body that is not a JSON object.", requestId);
            }

            return new(null, status, ErrorMessage(body, status, response.ReasonPhrase) + RetryAfter(response), requestId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new(null, 408, $"The model did not answer within {deployment.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds.", requestId);
        }
        catch (HttpRequestException e)
        {
            return new(null, 0, e.InnerException?.Message ?? e.Message, requestId);
        }
        catch (AuthenticationFailedException e)
        {
            return new(null, 0, "no Entra token for the deployment's managed identity: " + e.Message.Split('\n')[0].Trim(), requestId);
        }
    }

    private static string ErrorMessage(string body, int status, string? reason) =>
        JsonText.ParseObject(body)?["error"] is JsonObject error && JsonText.TryString(error["message"], out string? text)
            ? text
            : $"The deployment answered {status.ToString(CultureInfo.InvariantCulture)} {reason}.";

    private static string RetryAfter(HttpResponseMessage response)
    {
        double? seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        if (seconds is null && response.Headers.TryGetValues("retry-after-ms", out IEnumerable<string>? values)
            && double.TryParse(values.First(), NumberStyles.Float, CultureInfo.InvariantCulture, out double ms))
        {
            seconds = ms / 1000;
        }

        return seconds is { } s ? $" Retry after {Math.Ceiling(s).ToString(CultureInfo.InvariantCulture)} seconds." : string.Empty;
    }
}
