using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Integrations.EventGrid;

namespace AslOnDurable.Runtime.Integrations.EventBridge;

/// <summary>
/// EventBridge's optimized integration (<c>arn:aws:states:::events:putEvents</c> and <c>.waitForTaskToken</c>) on Azure
/// Event Grid: each entry goes to the topic its <c>EventBusName</c> (default <c>default</c>) stands for under
/// <c>eventGrid.eventBuses</c>, as an event whose data is the event as EventBridge's targets receive it
/// (<c>{version, id, detail-type, source, account, time, region, resources, detail}</c>), its CloudEvents
/// <c>source</c>/<c>type</c> the entry's <c>Source</c>/<c>DetailType</c>.
/// </summary>
/// <remarks>
/// As on AWS, the execution and state machine ARNs are appended to each entry's <c>Resources</c>; the result is
/// <c>{Entries: [{EventId}], FailedEntryCount: 0}</c>, and when any entry fails the state fails with
/// <c>EventBridge.FailedEntry</c> and the whole response as Cause (failed entries carry <c>ErrorCode</c> and
/// <c>ErrorMessage</c>: <c>InvalidArgument</c>, <c>MalformedDetail</c>, <c>NotFoundException</c> for an unconfigured bus,
/// <c>AccessDeniedException</c> (401/403), <c>ThrottlingException</c> (429), <c>InternalFailure</c> (5xx, unreachable)).
/// A request without 1-10 entries fails with <c>EventBridge.AmazonEventBridgeException</c> (a validation error).
/// </remarks>
/// <param name="configuration">The <c>eventGrid</c> section, or <see langword="null"/> when none is configured.</param>
/// <param name="publisher">Publishes to Event Grid.</param>
/// <param name="time">The clock (event times).</param>
public sealed class EventBridgeTaskHandler(EventGridConfiguration? configuration, EventGridPublisher publisher, TimeProvider time) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:aws:states:::events:putEvents";

    /// <summary>The callback form of the resource.</summary>
    public const string WaitForTaskTokenResource = Resource + ".waitForTaskToken";

    private static readonly string[] EntryFields = ["Detail", "DetailType", "EventBusName", "Resources", "Source", "Time", "TraceHeader"];

    /// <summary>Why an event bus cannot be published to here (for <c>asl validate</c>), or <see langword="null"/>.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="eventBusName">The bus a literal entry names (<see langword="null"/>: <c>default</c>).</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string? eventBusName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string bus = BusName(eventBusName ?? "default");
        return configuration.EventGrid?.EventBuses.ContainsKey(bus) == true
            ? null
            : $"the event bus '{bus}' is not configured: add it under eventGrid.eventBuses in the integrations configuration";
    }

    /// <inheritdoc/>
    public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        bool waitForToken = invocation.Resource == WaitForTaskTokenResource;
        if (!waitForToken && invocation.Resource != Resource)
        {
            return Runtime($"The resource '{invocation.Resource}' is not supported: use '{Resource}' or '{WaitForTaskTokenResource}'.");
        }

        string requestId = Guid.NewGuid().ToString();
        if (invocation.Input is not JsonObject parameters || parameters["Entries"] is not JsonArray entries)
        {
            return ValidationError("1 validation error detected: Value null at 'entries' failed to satisfy constraint: Member must not be null", requestId);
        }

        foreach (var (key, _) in parameters)
        {
            if (key is not ("Entries" or "EndpointId"))
            {
                return Runtime($"The field '{key}' is not supported by events:putEvents (expected Entries).");
            }
        }

        if (entries.Count is 0 or > 10)
        {
            string constraint = entries.Count == 0 ? "greater than or equal to 1" : "less than or equal to 10";
            return ValidationError($"1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length {constraint}", requestId);
        }

        JsonObject?[] results = new JsonObject?[entries.Count];
        Dictionary<string, List<(int Index, OutgoingEvent Event)>> byBus = new(StringComparer.Ordinal);
        (string region, string account) = RegionAndAccount(invocation.ExecutionId);
        for (int i = 0; i < entries.Count; i++)
        {
            if (Prepare(entries[i], invocation.ExecutionId, region, account, out string bus, out OutgoingEvent? outgoing) is { } failure)
            {
                results[i] = failure;
                continue;
            }

            if (!byBus.TryGetValue(bus, out var list))
            {
                byBus[bus] = list = [];
            }

            list.Add((i, outgoing!));
        }

        CancellationToken cancellationToken = invocation.Clock?.Abandoned ?? CancellationToken.None;
        foreach (var (bus, list) in byBus)
        {
            if (configuration?.EventBuses.TryGetValue(bus, out EventGridTopic? topic) != true)
            {
                foreach (var (index, _) in list)
                {
                    results[index] = Failed("NotFoundException", $"Event bus {bus} does not exist.");
                }

                continue;
            }

            PublishResult published = await publisher.PublishAsync(topic!, [.. list.Select(e => e.Event)], cancellationToken).ConfigureAwait(false);
            foreach (var (index, outgoing) in list)
            {
                results[index] = published.Succeeded ? new JsonObject { ["EventId"] = outgoing.Id } : PublishFailure(published);
            }
        }

        JsonArray resultEntries = [.. results];
        int failed = results.Count(r => r!.ContainsKey("ErrorCode"));
        JsonObject result = new() { ["Entries"] = resultEntries, ["FailedEntryCount"] = failed };
        if (failed > 0)
        {
            return TaskOutcome.Failure(new AslError("EventBridge.FailedEntry", result.ToJsonString()));
        }

        return waitForToken ? TaskOutcome.AwaitingCallback() : TaskOutcome.Success(result);
    }

    private JsonObject? Prepare(JsonNode? node, string executionArn, string region, string account, out string bus, out OutgoingEvent? outgoing)
    {
        bus = "default";
        outgoing = null;
        if (node is not JsonObject entry)
        {
            return Failed("InvalidArgument", "Parameter Entry is not valid. Reason: an entry must be an object.");
        }

        foreach (var (key, _) in entry)
        {
            if (Array.IndexOf(EntryFields, key) < 0)
            {
                return Failed("InvalidArgument", $"Parameter {key} is not valid. Reason: unknown field (expected {string.Join(", ", EntryFields)}).");
            }
        }

        if (!JsonText.TryString(entry["Source"], out string? source) || source.Length == 0)
        {
            return Required("Source");
        }

        if (!JsonText.TryString(entry["DetailType"], out string? detailType) || detailType.Length == 0)
        {
            return Required("DetailType");
        }

        JsonNode? detail = entry["Detail"] switch
        {
            null => null,
            JsonValue text when text.GetValueKind() == JsonValueKind.String => JsonText.ParseObject(text.GetValue<string>()),
            JsonObject json => json.DeepClone(),
            _ => null,
        };
        if (entry["Detail"] is null)
        {
            return Required("Detail");
        }

        if (detail is null)
        {
            return Failed("MalformedDetail", "Detail is malformed.");
        }

        if (entry["EventBusName"] is { } busNode)
        {
            if (!JsonText.TryString(busNode, out string? busText) || busText.Length == 0)
            {
                return Failed("InvalidArgument", "Parameter EventBusName is not valid. Reason: must be an event bus name or ARN.");
            }

            bus = BusName(busText);
        }

        JsonArray resources = [];
        if (entry["Resources"] is JsonArray given)
        {
            foreach (JsonNode? resource in given)
            {
                if (!JsonText.TryString(resource, out string? arn))
                {
                    return Failed("InvalidArgument", "Parameter Resources is not valid. Reason: must be an array of strings.");
                }

                resources.Add(arn);
            }
        }
        else if (entry["Resources"] is not null)
        {
            return Failed("InvalidArgument", "Parameter Resources is not valid. Reason: must be an array of strings.");
        }

        resources.Add(executionArn);
        if (StateMachineArnOf(executionArn) is { } stateMachineArn)
        {
            resources.Add(stateMachineArn);
        }

        DateTimeOffset at = time.GetUtcNow();
        if (entry["Time"] is { } timeNode && !TryTime(timeNode, ref at))
        {
            return Failed("InvalidArgument", "Parameter Time is not valid. Reason: must be a timestamp.");
        }

        string id = Guid.NewGuid().ToString();
        JsonObject data = new()
        {
            ["version"] = "0",
            ["id"] = id,
            ["detail-type"] = detailType,
            ["source"] = source,
            ["account"] = account,
            ["time"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["region"] = region,
            ["resources"] = resources,
            ["detail"] = detail,
        };
        outgoing = new OutgoingEvent(id, source, detailType, null, at, data);
        return null;
    }

    private static bool TryTime(JsonNode node, ref DateTimeOffset at)
    {
        if (JsonText.TryString(node, out string? text))
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
        }

        if (node is JsonValue value && value.TryGetValue(out double seconds) && double.IsFinite(seconds))
        {
            at = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
            return true;
        }

        return false;
    }

    private static string BusName(string nameOrArn)
    {
        int slash = nameOrArn.LastIndexOf('/');
        return nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? nameOrArn[(slash + 1)..] : nameOrArn;
    }

    private static (string Region, string Account) RegionAndAccount(string executionArn)
    {
        string[] parts = executionArn.Split(':');
        return parts.Length > 5 && parts[0] == "arn" ? (parts[3], parts[4]) : ("us-east-1", "123456789012");
    }

    private static string? StateMachineArnOf(string executionArn)
    {
        string[] parts = executionArn.Split(':');
        return parts.Length >= 8 && parts[0] == "arn" && parts[5] is "execution" or "express"
            ? string.Join(':', parts[..5]) + ":stateMachine:" + parts[6]
            : null;
    }

    private static JsonObject PublishFailure(PublishResult published) => published.Status switch
    {
        401 or 403 => Failed("AccessDeniedException", published.Message),
        429 => Failed("ThrottlingException", published.Message),
        404 => Failed("NotFoundException", published.Message),
        400 or 413 => Failed("InvalidArgument", published.Message),
        0 => Failed("InternalFailure", "Unable to execute HTTP request: " + published.Message),
        _ => Failed("InternalFailure", published.Message),
    };

    private static JsonObject Required(string field) =>
        Failed("InvalidArgument", $"Parameter {field} is not valid. Reason: {field} is a required argument.");

    private static JsonObject Failed(string code, string message) => new() { ["ErrorCode"] = code, ["ErrorMessage"] = message };

    private static TaskOutcome ValidationError(string message, string requestId) =>
        TaskOutcome.Failure(new AslError(
            "EventBridge.AmazonEventBridgeException", AwsErrorCause.V1(message, "AmazonEventBridge", 400, "ValidationException", requestId)));

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
