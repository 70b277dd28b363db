using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Integrations.EventGrid;

namespace AslOnDurable.Runtime.Integrations.Sns;

/// <summary>
/// SNS's optimized integration (<c>arn:aws:states:::sns:publish</c> and <c>.waitForTaskToken</c>) on Azure Event Grid:
/// <c>TopicArn</c> (or <c>TargetArn</c>) names the topic by its last part, mapped under <c>eventGrid.snsTopics</c>; the
/// event's data is the notification as SNS delivers it to HTTP and SQS subscribers
/// (<c>{Type: "Notification", MessageId, TopicArn, Subject, Message, Timestamp, MessageAttributes}</c>), its CloudEvents
/// <c>source</c> the topic ARN, <c>type</c> <c>aws.sns.Notification</c>, <c>subject</c> the message's <c>Subject</c>.
/// </summary>
/// <remarks>
/// The result is AWS's: <c>{MessageId, SdkHttpMetadata, SdkResponseMetadata}</c>, plus <c>SequenceNumber</c> for FIFO
/// topics (names ending in <c>.fifo</c>, which require <c>MessageGroupId</c>). A <c>Message</c> that is JSON is sent as
/// its JSON text; with <c>MessageStructure: json</c> its <c>default</c> member is the message. Errors as Step Functions
/// surfaces the SDK v1's: <c>SNS.NotFoundException</c> (topic not configured, 404), <c>SNS.InvalidParameterException</c>,
/// <c>SNS.AuthorizationErrorException</c> (401/403), <c>SNS.ThrottledException</c> (429), <c>SNS.InternalErrorException</c>
/// (5xx), <c>SNS.SdkClientException</c> (unreachable, timed out, no token). <c>PhoneNumber</c> (SMS) has no counterpart.
/// </remarks>
/// <param name="configuration">The <c>eventGrid</c> section, or <see langword="null"/> when none is configured.</param>
/// <param name="publisher">Publishes to Event Grid.</param>
/// <param name="time">The clock (timestamps, the <c>Date</c> header, FIFO sequence numbers).</param>
public sealed class SnsTaskHandler(EventGridConfiguration? configuration, EventGridPublisher publisher, TimeProvider time) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:aws:states:::sns:publish";

    /// <summary>The callback form of the resource.</summary>
    public const string WaitForTaskTokenResource = Resource + ".waitForTaskToken";

    private static readonly JsonSerializerOptions MessageJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Fields =
        ["TopicArn", "TargetArn", "Message", "Subject", "MessageAttributes", "MessageStructure", "MessageGroupId", "MessageDeduplicationId"];

    /// <summary>Why a topic cannot be published to here (for <c>asl validate</c>), or <see langword="null"/>.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <param name="topicArn">The topic a literal <c>TopicArn</c> names.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration, string topicArn)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        string name = TopicName(topicArn ?? throw new ArgumentNullException(nameof(topicArn)));
        return configuration.EventGrid?.SnsTopics.ContainsKey(name) == true
            ? null
            : $"the SNS topic '{name}' is not configured: add it under eventGrid.snsTopics in the integrations configuration";
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

        if (invocation.Input is not JsonObject parameters)
        {
            return Runtime("The parameters of sns:publish must be an object with 'TopicArn' and 'Message'.");
        }

        foreach (var (key, _) in parameters)
        {
            if (key == "PhoneNumber")
            {
                return Runtime("The field 'PhoneNumber' of sns:publish has no Event Grid counterpart (SMS): publish to a topic instead.");
            }

            if (Array.IndexOf(Fields, key) < 0)
            {
                return Runtime($"The field '{key}' is not supported by sns:publish (expected {string.Join(", ", Fields)}).");
            }
        }

        string requestId = Guid.NewGuid().ToString();
        if (!(JsonText.TryString(parameters["TopicArn"], out string? topicArn) || JsonText.TryString(parameters["TargetArn"], out topicArn)) || topicArn.Length == 0)
        {
            return InvalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter", requestId);
        }

        if (Message(parameters, out string? messageError) is not { } message)
        {
            return InvalidParameter(messageError!, requestId);
        }

        string name = TopicName(topicArn);
        bool fifo = name.EndsWith(".fifo", StringComparison.Ordinal);
        bool hasGroup = JsonText.TryString(parameters["MessageGroupId"], out string? group) && group.Length > 0;
        if (fifo && !hasGroup)
        {
            return InvalidParameter("Invalid parameter: The MessageGroupId parameter is required for FIFO topics", requestId);
        }

        if (!fifo && parameters["MessageGroupId"] is not null)
        {
            return InvalidParameter("Invalid parameter: MessageGroupId Reason: The request includes MessageGroupId parameter that is not valid for this topic type", requestId);
        }

        if (Attributes(parameters["MessageAttributes"], out string? attributeError) is not { } attributes)
        {
            return InvalidParameter(attributeError!, requestId);
        }

        if (configuration?.SnsTopics.TryGetValue(name, out EventGridTopic? topic) != true)
        {
            return ServiceError("NotFoundException", "Topic does not exist", 404, "NotFound", requestId);
        }

        string messageId = Guid.NewGuid().ToString();
        DateTimeOffset now = time.GetUtcNow();
        string? subject = JsonText.TryString(parameters["Subject"], out string? s) ? s : null;
        JsonObject notification = new()
        {
            ["Type"] = "Notification",
            ["MessageId"] = messageId,
            ["TopicArn"] = topicArn,
            ["Subject"] = subject,
            ["Message"] = message,
            ["Timestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        };
        if (subject is null)
        {
            notification.Remove("Subject");
        }

        if (attributes.Count > 0)
        {
            notification["MessageAttributes"] = attributes;
        }

        if (hasGroup)
        {
            notification["MessageGroupId"] = group;
        }

        PublishResult published = await publisher.PublishAsync(
            topic!, [new OutgoingEvent(messageId, topicArn, "aws.sns.Notification", subject, now, notification)], invocation.Clock?.Abandoned ?? CancellationToken.None)
            .ConfigureAwait(false);
        if (!published.Succeeded)
        {
            return published.Status switch
            {
                401 or 403 => ServiceError("AuthorizationErrorException", published.Message, 403, "AuthorizationError", requestId),
                404 => ServiceError("NotFoundException", published.Message, 404, "NotFound", requestId),
                429 => ServiceError("ThrottledException", published.Message, 429, "Throttled", requestId),
                400 or 413 => ServiceError("InvalidParameterException", published.Message, 400, "InvalidParameter", requestId),
                0 => TaskOutcome.Failure(new AslError("SNS.SdkClientException", "Unable to execute HTTP request: " + published.Message)),
                _ => ServiceError("InternalErrorException", published.Message, 500, "InternalError", requestId),
            };
        }

        if (waitForToken)
        {
            return TaskOutcome.AwaitingCallback();
        }

        JsonObject result = new() { ["MessageId"] = messageId };
        if (fifo)
        {
            result["SequenceNumber"] = now.UtcTicks.ToString("D20", CultureInfo.InvariantCulture);
        }

        string xml = $"<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\">\n  <PublishResult>\n    <MessageId>{messageId}</MessageId>\n  </PublishResult>\n  <ResponseMetadata>\n    <RequestId>{requestId}</RequestId>\n  </ResponseMetadata>\n</PublishResponse>\n";
        return TaskOutcome.Success(AwsResponseMetadata.AddTo(
            result,
            [
                ("x-amzn-RequestId", requestId),
                ("connection", "keep-alive"),
                ("Content-Length", Encoding.UTF8.GetByteCount(xml).ToString(CultureInfo.InvariantCulture)),
                ("Date", now.ToString("r", CultureInfo.InvariantCulture)),
                ("Content-Type", "text/xml"),
            ],
            200,
            requestId));
    }

    private static string TopicName(string topicArn)
    {
        int colon = topicArn.LastIndexOf(':');
        return topicArn.StartsWith("arn:", StringComparison.Ordinal) && colon > 0 ? topicArn[(colon + 1)..] : topicArn;
    }

    private static string? Message(JsonObject parameters, out string? error)
    {
        error = null;
        string? text = parameters["Message"] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonNode json => json.ToJsonString(MessageJson),
        };
        if (string.IsNullOrEmpty(text))
        {
            error = "Invalid parameter: Empty message";
            return null;
        }

        if (!JsonText.TryString(parameters["MessageStructure"], out string? structure))
        {
            return text;
        }

        if (structure != "json")
        {
            error = "Invalid parameter: MessageStructure Reason: must be \"json\"";
            return null;
        }

        try
        {
            if (JsonNode.Parse(text) is JsonObject perProtocol && JsonText.TryString(perProtocol["default"], out string? fallback))
            {
                return fallback;
            }
        }
        catch (JsonException)
        {
        }

        error = "Invalid parameter: Message Structure - No default entry in JSON message body";
        return null;
    }

    private static JsonObject? Attributes(JsonNode? node, out string? error)
    {
        error = null;
        JsonObject attributes = [];
        if (node is null)
        {
            return attributes;
        }

        if (node is not JsonObject given)
        {
            error = "Invalid parameter: MessageAttributes Reason: must be an object of name to {DataType, StringValue}";
            return null;
        }

        foreach (var (name, value) in given)
        {
            if (value is not JsonObject attribute
                || !JsonText.TryString(attribute["DataType"], out string? type)
                || !(JsonText.TryString(attribute["StringValue"], out string? text) || JsonText.TryString(attribute["BinaryValue"], out text)))
            {
                error = $"Invalid parameter: MessageAttributes Reason: The message attribute '{name}' must contain a DataType and a non-empty StringValue or BinaryValue.";
                return null;
            }

            attributes[name] = new JsonObject { ["Type"] = type, ["Value"] = text };
        }

        return attributes;
    }

    private static TaskOutcome InvalidParameter(string message, string requestId) =>
        ServiceError("InvalidParameterException", message, 400, "InvalidParameter", requestId);

    private static TaskOutcome ServiceError(string exception, string message, int status, string code, string requestId) =>
        TaskOutcome.Failure(new AslError("SNS." + exception, AwsErrorCause.V1(message, "AmazonSNS", status, code, requestId)));

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
