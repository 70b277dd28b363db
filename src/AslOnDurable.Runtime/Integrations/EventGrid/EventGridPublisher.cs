using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Identity;

namespace AslOnDurable.Runtime.Integrations.EventGrid;

/// <summary>
/// Publishes events to an Event Grid topic over its REST API: one POST of a JSON array in the topic's schema, with the
/// access key in <c>aeg-sas-key</c> or a bearer token for <see cref="Scope"/>. Answers come back as a
/// <see cref="PublishResult"/> for the integration to name in AWS's words.
/// </summary>
/// <param name="client">Sends the request (<see cref="TaskIntegrations.CreateHttpClient"/>).</param>
/// <param name="credentials">Hands out managed identity tokens.</param>
public sealed class EventGridPublisher(HttpMessageInvoker client, AzureCredentials credentials)
{
    /// <summary>The Entra scope of Event Grid data-plane tokens.</summary>
    public const string Scope = "https://eventgrid.azure.net/.default";

    /// <summary>The header an Event Grid access key goes in.</summary>
    public const string KeyHeader = "aeg-sas-key";

    /// <summary>Publishes events in one request.</summary>
    /// <param name="topic">The topic.</param>
    /// <param name="events">The events.</param>
    /// <param name="cancellationToken">Cancelled when the task attempt is abandoned.</param>
    /// <returns>How it ended.</returns>
    public async Task<PublishResult> PublishAsync(EventGridTopic topic, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(events);
        if (!topic.AllowPrivateNetwork && NetworkDestinationGuard.RestrictionOf(topic.Endpoint) is { } restriction)
        {
            return new PublishResult(0, $"the host '{topic.Endpoint.Host}' is a {restriction} address; set \"allowPrivateNetwork\": true on the topic to allow it.");
        }

        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(topic.Timeout);
        using HttpRequestMessage request = new(HttpMethod.Post, topic.Endpoint) { Content = Body(topic.Schema, events) };
        request.Options.Set(NetworkDestinationGuard.AllowPrivateNetwork, topic.AllowPrivateNetwork);
        try
        {
            await topic.Authentication.ApplyAsync(request, KeyHeader, Scope, credentials, timeout.Token).ConfigureAwait(false);
            using HttpResponseMessage response = await client.SendAsync(request, timeout.Token).ConfigureAwait(false);
            int status = (int)response.StatusCode;
            if (status is >= 200 and < 300)
            {
                return new PublishResult(status, string.Empty);
            }

            string body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            string retry = response.Headers.RetryAfter?.Delta is { } delta
                ? $" Retry after {delta.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds."
                : string.Empty;
            return new PublishResult(status, $"Event Grid answered {status} {response.ReasonPhrase}{ErrorDetail(body)}.{retry}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new PublishResult(0, $"the publish to '{topic.Endpoint.Host}' timed out after {topic.Timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} seconds.");
        }
        catch (HttpRequestException e)
        {
            return new PublishResult(0, e.InnerException?.Message ?? e.Message);
        }
        catch (AuthenticationFailedException e)
        {
            return new PublishResult(0, "no Entra token for the topic's managed identity: " + e.Message.Split('\n')[0].Trim());
        }
    }

    private static StringContent Body(EventGridSchema schema, IReadOnlyList<OutgoingEvent> events)
    {
        JsonArray batch = [];
        foreach (OutgoingEvent e in events)
        {
            string time = e.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            batch.Add(schema == EventGridSchema.CloudEvents
                ? new JsonObject
                {
                    ["specversion"] = "1.0",
                    ["id"] = e.Id,
                    ["source"] = e.Source,
                    ["type"] = e.Type,
                    ["subject"] = e.Subject,
                    ["time"] = time,
                    ["datacontenttype"] = "application/json",
                    ["data"] = e.Data.DeepClone(),
                }
                : new JsonObject
                {
                    ["id"] = e.Id,
                    ["subject"] = e.Subject ?? e.Source,
                    ["eventType"] = e.Type,
                    ["eventTime"] = time,
                    ["dataVersion"] = "1.0",
                    ["data"] = e.Data.DeepClone(),
                });
            if (e.Subject is null && batch[^1] is JsonObject cloudEvent && cloudEvent.ContainsKey("specversion"))
            {
                cloudEvent.Remove("subject");
            }
        }

        StringContent content = new(batch.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new(schema == EventGridSchema.CloudEvents ? "application/cloudevents-batch+json" : "application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string ErrorDetail(string body)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out JsonElement message) && message.ValueKind == JsonValueKind.String)
            {
                return ": " + message.GetString();
            }
        }
        catch (JsonException)
        {
        }

        return string.Empty;
    }
}
