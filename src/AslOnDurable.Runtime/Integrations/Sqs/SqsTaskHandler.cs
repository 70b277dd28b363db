using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace AslOnDurable.Runtime.Integrations.Sqs;

/// <summary>
/// SQS's optimized integration (<c>arn:aws:states:::sqs:sendMessage</c> and <c>.waitForTaskToken</c>) on Azure Storage
/// Queues: <c>QueueUrl</c>'s last path segment names the queue (mapped by <c>storage.queues</c>, else lower-cased with
/// '_' as '-'); <c>MessageBody</c> is sent as is when a string, as JSON text otherwise.
/// </summary>
/// <remarks>
/// The result is AWS's: <c>{MD5OfMessageBody, MessageId, SdkHttpMetadata, SdkResponseMetadata}</c>. With
/// <c>.waitForTaskToken</c> the definition puts <c>$$.Task.Token</c> in the body; the state then waits for
/// SendTaskSuccess/SendTaskFailure. Errors as Step Functions surfaces the SDK v1's:
/// <c>SQS.AmazonSQSException</c> (missing body, message too long), <c>SQS.QueueDoesNotExistException</c>,
/// <c>SQS.SdkClientException</c> (no storage configured, account unreachable). <c>DelaySeconds</c> maps to the message's
/// initial invisibility; message attributes and FIFO fields have no Storage Queues counterpart and are refused.
/// </remarks>
/// <param name="service">The account's queue service, or <see langword="null"/> when no storage is configured.</param>
/// <param name="settings">Queue name mapping and message encoding.</param>
/// <param name="time">The clock (the <c>Date</c> header).</param>
public sealed class SqsTaskHandler(QueueServiceClient? service, AzureStorageIntegration? settings, TimeProvider time) : ITaskHandler
{
    /// <summary>The resource.</summary>
    public const string Resource = "arn:aws:states:::sqs:sendMessage";

    /// <summary>The callback form of the resource.</summary>
    public const string WaitForTaskTokenResource = Resource + ".waitForTaskToken";

    /// <summary>The largest message Storage Queues accept (its encoded text), in bytes.</summary>
    public const int MaxMessageBytes = 64 * 1024;

    private static readonly JsonSerializerOptions BodyJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] Refused = ["MessageAttributes", "MessageSystemAttributes", "MessageGroupId", "MessageDeduplicationId"];

    /// <summary>Why a resource cannot run here (for <c>asl validate</c>), or <see langword="null"/> when it can.</summary>
    /// <param name="configuration">The integrations configuration.</param>
    /// <returns>The problem, or <see langword="null"/>.</returns>
    public static string? Problem(IntegrationsConfiguration configuration) =>
        (configuration ?? throw new ArgumentNullException(nameof(configuration))).Storage is null
            ? "no storage account is configured: add 'storage' to the integrations configuration" : null;

    /// <summary>The Azure queue a <c>QueueUrl</c> names, or <see langword="null"/> when it names none.</summary>
    /// <param name="settings">The queue mapping.</param>
    /// <param name="queueUrl">An SQS queue URL, an Azure queue URL or a queue name.</param>
    /// <returns>The queue name.</returns>
    public static string? QueueName(AzureStorageIntegration? settings, string queueUrl)
    {
        ArgumentNullException.ThrowIfNull(queueUrl);
        string name = queueUrl.TrimEnd('/');
        int slash = name.LastIndexOf('/');
        name = slash >= 0 ? name[(slash + 1)..] : name;
        if (settings?.Queues.TryGetValue(name, out string? mapped) == true)
        {
            return mapped;
        }

        string derived = name.ToLowerInvariant().Replace('_', '-');
        return AzureNames.IsContainerOrQueueName(derived) ? derived : null;
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
            return Runtime("The parameters of sqs:sendMessage must be an object with 'QueueUrl' and 'MessageBody'.");
        }

        foreach (var (key, _) in parameters)
        {
            if (Array.IndexOf(Refused, key) >= 0)
            {
                return Runtime($"The field '{key}' of sqs:sendMessage has no Storage Queues counterpart: put what it carries into MessageBody.");
            }

            if (key is not ("QueueUrl" or "MessageBody" or "DelaySeconds"))
            {
                return Runtime($"The field '{key}' is not supported by sqs:sendMessage (expected QueueUrl, MessageBody, DelaySeconds).");
            }
        }

        string requestId = Guid.NewGuid().ToString();
        string? body = parameters["MessageBody"] switch
        {
            null => null,
            JsonValue text when text.GetValueKind() == JsonValueKind.String => text.GetValue<string>(),
            JsonNode json => json.ToJsonString(BodyJson),
        };
        if (string.IsNullOrEmpty(body))
        {
            return ServiceError("AmazonSQSException", "The request must contain the parameter MessageBody.", "MissingParameter", requestId);
        }

        if (!JsonText.TryString(parameters["QueueUrl"], out string? queueUrl) || queueUrl.Length == 0)
        {
            return ServiceError("AmazonSQSException", "The request must contain the parameter QueueUrl.", "MissingParameter", requestId);
        }

        if (!TryDelay(parameters["DelaySeconds"], out TimeSpan? delay))
        {
            return ServiceError("AmazonSQSException", "Value for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.", "InvalidParameterValue", requestId);
        }

        if (service is null)
        {
            return TaskOutcome.Failure(new AslError("SQS.SdkClientException", "Unable to execute HTTP request: no storage account is configured for SQS (add 'storage' to the integrations configuration)."));
        }

        if (QueueName(settings, queueUrl) is not { } queueName)
        {
            return ServiceError("AmazonSQSException", $"The queue '{queueUrl}' does not map to an Azure queue name (3-63 lower-case letters, digits and single hyphens): map it under storage.queues.", "InvalidAddress", requestId);
        }

        string message = settings?.Base64QueueMessages != false ? Convert.ToBase64String(Encoding.UTF8.GetBytes(body)) : body;
        if (Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
        {
            return ServiceError("AmazonSQSException", $"One or more parameters are invalid. Reason: Message must be shorter than {MaxMessageBytes} bytes on Storage Queues (encoded).", "InvalidParameterValue", requestId);
        }

        SendReceipt receipt;
        try
        {
            CancellationToken cancellationToken = invocation.Clock?.Abandoned ?? CancellationToken.None;
            receipt = (await service.GetQueueClient(queueName).SendMessageAsync(message, delay, timeToLive: null, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            return ServiceError("QueueDoesNotExistException", "The specified queue does not exist.", "AWS.SimpleQueueService.NonExistentQueue", requestId);
        }
        catch (RequestFailedException e) when (e.Status != 0)
        {
            return ServiceError("AmazonSQSException", e.Message.Split('\n')[0].Trim(), e.ErrorCode ?? "InternalError", requestId);
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException)
        {
            return TaskOutcome.Failure(new AslError("SQS.SdkClientException", "Unable to execute HTTP request: " + (e.InnerException?.Message ?? e.Message)));
        }

        if (waitForToken)
        {
            return TaskOutcome.AwaitingCallback();
        }

        return TaskOutcome.Success(Result(body, receipt.MessageId, requestId));
    }

    private JsonObject Result(string body, string messageId, string requestId)
    {
#pragma warning disable CA5351 // MD5OfMessageBody is defined by SQS as an MD5 digest; it is a checksum, not security.
        string md5 = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)));
#pragma warning restore CA5351
        JsonObject result = new() { ["MD5OfMessageBody"] = md5, ["MessageId"] = messageId };
        string length = Encoding.UTF8.GetByteCount(result.ToJsonString()).ToString(CultureInfo.InvariantCulture);
        return AwsResponseMetadata.AddTo(
            result,
            [
                ("x-amzn-RequestId", requestId),
                ("connection", "keep-alive"),
                ("Content-Length", length),
                ("Date", time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture)),
                ("Content-Type", "application/x-amz-json-1.0"),
            ],
            200,
            requestId);
    }

    private static bool TryDelay(JsonNode? node, out TimeSpan? delay)
    {
        delay = null;
        if (node is null)
        {
            return true;
        }

        int seconds;
        if (!(node is JsonValue value && value.TryGetValue(out seconds))
            && !(JsonText.TryString(node, out string? text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out seconds)))
        {
            return false;
        }

        if (seconds is < 0 or > 900)
        {
            return false;
        }

        delay = seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
        return true;
    }

    private static TaskOutcome ServiceError(string exception, string message, string code, string requestId) =>
        TaskOutcome.Failure(new AslError("SQS." + exception, AwsErrorCause.V1(message, "AmazonSQS", 400, code, requestId)));

    private static TaskOutcome Runtime(string cause) => TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, cause));
}
