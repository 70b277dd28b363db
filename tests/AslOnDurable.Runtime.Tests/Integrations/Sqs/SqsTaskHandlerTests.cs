using System.Collections.Frozen;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.Sqs;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.Sqs;

/// <summary>sqs:sendMessage over a mocked Storage Queues client: AWS's result shape, errors and the callback pattern.</summary>
public sealed class SqsTaskHandlerTests
{
    private static readonly AzureStorageIntegration Settings = new()
    {
        ConnectionString = new Secret("UseDevelopmentStorage=true"),
        Queues = new Dictionary<string, string> { ["Orders.fifo"] = "orders-fifo" }.ToFrozenDictionary(StringComparer.Ordinal),
    };

    private readonly Mock<QueueServiceClient> service = new();
    private readonly Mock<QueueClient> queue = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private string? sentText;
    private TimeSpan? sentDelay;

    public SqsTaskHandlerTests()
    {
        service.Setup(s => s.GetQueueClient(It.IsAny<string>())).Returns(queue.Object);
        queue.Setup(q => q.SendMessageAsync(It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback((string text, TimeSpan? delay, TimeSpan? _, CancellationToken _) => (sentText, sentDelay) = (text, delay))
            .ReturnsAsync(Response.FromValue(
                QueuesModelFactory.SendReceipt("msg-1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "pop", DateTimeOffset.UnixEpoch), Mock.Of<Response>()));
    }

    private ValueTask<TaskOutcome> Invoke(string parameters, string resource = SqsTaskHandler.Resource, AzureStorageIntegration? settings = null) =>
        new SqsTaskHandler(service.Object, settings ?? Settings, time).InvokeAsync(
            new TaskInvocation { StateName = "S", Resource = resource, Input = JsonNode.Parse(parameters), ExecutionId = "e" });

    [Fact]
    public async Task SendMessage_StringBody_AwsResultShapeAndBase64Message()
    {
        TaskOutcome outcome = await Invoke("""{"QueueUrl":"https://sqs.us-east-1.amazonaws.com/1/Orders.fifo","MessageBody":"test_message_body"}""");

        JsonNode result = outcome.Result!;
        Assert.Equal("test_message_body", Encoding.UTF8.GetString(Convert.FromBase64String(sentText!)));
        service.Verify(s => s.GetQueueClient("orders-fifo"));
        Assert.Equal(["MD5OfMessageBody", "MessageId", "SdkHttpMetadata", "SdkResponseMetadata"], result.AsObject().Select(p => p.Key));
        Assert.Equal("3caa9a099bc4e58ae7923f68c5d7d081", result["MD5OfMessageBody"]!.GetValue<string>());
        Assert.Equal("msg-1", result["MessageId"]!.GetValue<string>());
        Assert.Equal(200, result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        Assert.Equal("application/x-amz-json-1.0", result["SdkHttpMetadata"]!["HttpHeaders"]!["Content-Type"]!.GetValue<string>());
        Assert.Equal("Fri, 02 Jan 2026 03:04:05 GMT", result["SdkHttpMetadata"]!["HttpHeaders"]!["Date"]!.GetValue<string>());
        Assert.Equal(result["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>(), result["SdkHttpMetadata"]!["HttpHeaders"]!["x-amzn-RequestId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_JsonBodyNoEncodingAndDelay_SentAsJsonTextWithInvisibility()
    {
        TaskOutcome outcome = await Invoke("""{"QueueUrl":"work_items","MessageBody":{"id":1,"name":"lämp"},"DelaySeconds":30}""", settings: Settings with { Base64QueueMessages = false });

        Assert.False(outcome.IsFailure);
        Assert.Equal("""{"id":1,"name":"lämp"}""", sentText);
        Assert.Equal(TimeSpan.FromSeconds(30), sentDelay);
        service.Verify(s => s.GetQueueClient("work-items"));
    }

    [Fact]
    public async Task SendMessageWaitForTaskToken_Sent_AwaitsTheCallback()
    {
        TaskOutcome outcome = await Invoke("""{"QueueUrl":"q-1","MessageBody":{"token":"t"}}""", SqsTaskHandler.WaitForTaskTokenResource);

        Assert.True(outcome.IsAwaitingCallback);
        Assert.NotNull(sentText);
    }

    [Theory]
    [InlineData("""{"QueueUrl":"q-1","MessageBody":null}""", "SQS.AmazonSQSException", "The request must contain the parameter MessageBody. (Service: AmazonSQS; Status Code: 400; Error Code: MissingParameter; Request ID: ")]
    [InlineData("""{"QueueUrl":"q-1","MessageBody":""}""", "SQS.AmazonSQSException", "The request must contain the parameter MessageBody.")]
    [InlineData("""{"QueueUrl":"q-1","MessageBody":"x","DelaySeconds":901}""", "SQS.AmazonSQSException", "Value for parameter DelaySeconds is invalid.")]
    [InlineData("""{"QueueUrl":"Not--Valid","MessageBody":"x"}""", "SQS.AmazonSQSException", "map it under storage.queues")]
    [InlineData("""{"QueueUrl":"q-1","MessageBody":"x","MessageAttributes":{}}""", "States.Runtime", "'MessageAttributes'")]
    [InlineData("""{"QueueUrl":"q-1","MessageBody":"x","Other":1}""", "States.Runtime", "'Other'")]
    public async Task SendMessage_BadParameters_ErrorAndNothingSent(string parameters, string error, string causeStart)
    {
        TaskOutcome outcome = await Invoke(parameters);

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Contains(causeStart, outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Null(sentText);
    }

    [Fact]
    public async Task SendMessage_TooLongOnceEncoded_AmazonSqsExceptionAndNothingSent()
    {
        TaskOutcome outcome = await Invoke(new JsonObject { ["QueueUrl"] = "q-1", ["MessageBody"] = new string('x', 50_000) }.ToJsonString());

        Assert.Equal("SQS.AmazonSQSException", outcome.Error!.Error);
        Assert.Contains("Message must be shorter than 65536 bytes", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Null(sentText);
    }

    [Theory]
    [InlineData("QueueNotFound", 404, "SQS.QueueDoesNotExistException", "Error Code: AWS.SimpleQueueService.NonExistentQueue")]
    [InlineData("AuthenticationFailed", 403, "SQS.AmazonSQSException", "Error Code: AuthenticationFailed")]
    [InlineData(null, 0, "SQS.SdkClientException", "Unable to execute HTTP request: down")]
    public async Task SendMessage_QueueServiceFails_AwsError(string? code, int status, string error, string causePart)
    {
        queue.Setup(q => q.SendMessageAsync(It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new RequestFailedException(status, "down", code, null));

        TaskOutcome outcome = await Invoke("""{"QueueUrl":"q-1","MessageBody":"x"}""");

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Contains(causePart, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendMessage_NoStorageConfigured_SdkClientException()
    {
        TaskOutcome outcome = await new SqsTaskHandler(null, null, time).InvokeAsync(
            new TaskInvocation { StateName = "S", Resource = SqsTaskHandler.Resource, Input = JsonNode.Parse("""{"QueueUrl":"q-1","MessageBody":"x"}"""), ExecutionId = "e" });

        Assert.Equal("SQS.SdkClientException", outcome.Error!.Error);
    }

    [Theory]
    [InlineData("https://sqs.us-east-1.amazonaws.com/123/My_Queue", "my-queue")]
    [InlineData("https://account.queue.core.windows.net/jobs/", "jobs")]
    [InlineData("Orders.fifo", "orders-fifo")]
    [InlineData("a", null)]
    public void QueueName_FromUrlOrName_MappedOrDerived(string queueUrl, string? expected)
    {
        Assert.Equal(expected, SqsTaskHandler.QueueName(Settings, queueUrl));
    }
}
