using System.Collections.Frozen;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Integrations.EventGrid;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>The <c>eventGrid</c> section: the Event Grid topics EventBridge buses and SNS topics stand for.</summary>
public sealed partial class IntegrationsConfigurationReader
{
    private EventGridConfiguration? ReadEventGrid(JsonNode? node, List<string> problems)
    {
        if (node is not JsonObject fields)
        {
            problems.Add("/eventGrid: must be an object with 'eventBuses' and/or 'snsTopics'.");
            return null;
        }

        Dictionary<string, EventGridTopic> buses = new(StringComparer.Ordinal);
        Dictionary<string, EventGridTopic> topics = new(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            switch (key)
            {
                case "eventBuses":
                    ReadTopics(value, "/eventGrid/eventBuses", buses, problems);
                    break;
                case "snsTopics":
                    ReadTopics(value, "/eventGrid/snsTopics", topics, problems);
                    break;
                default:
                    problems.Add($"/eventGrid/{Escape(key)}: unknown field (expected eventBuses, snsTopics).");
                    break;
            }
        }

        return new EventGridConfiguration
        {
            EventBuses = buses.ToFrozenDictionary(StringComparer.Ordinal),
            SnsTopics = topics.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private void ReadTopics(JsonNode? node, string at, Dictionary<string, EventGridTopic> topics, List<string> problems)
    {
        if (node is not JsonObject map)
        {
            problems.Add($"{at}: must be an object of name to Event Grid topic.");
            return;
        }

        foreach (var (name, value) in map)
        {
            string topicAt = at + "/" + Escape(name);
            if (name.Length is 0 or > 256 || name.Contains(':', StringComparison.Ordinal))
            {
                problems.Add($"{topicAt}: a name has 1-256 characters and no ':' (the name, not the ARN).");
                continue;
            }

            int before = problems.Count;
            EndpointFields? endpoint = ReadEndpoint(value, topicAt, "accessKey", ["schema"], problems);
            EventGridSchema schema = EventGridSchema.CloudEvents;
            if (value is JsonObject fields && fields.ContainsKey("schema"))
            {
                if (JsonText.TryString(fields["schema"], out string? text) && Enum.TryParse(text, ignoreCase: false, out EventGridSchema parsed) && Enum.IsDefined(parsed))
                {
                    schema = parsed;
                }
                else
                {
                    problems.Add($"{topicAt}/schema: must be \"CloudEvents\" or \"EventGrid\".");
                }
            }

            if (problems.Count == before && endpoint is not null)
            {
                topics[name] = new EventGridTopic(endpoint.Endpoint, endpoint.Authentication, schema, endpoint.AllowPrivateNetwork, endpoint.Timeout);
            }
        }
    }
}
