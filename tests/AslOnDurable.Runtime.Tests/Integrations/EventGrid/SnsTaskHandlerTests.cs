using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.EventGrid;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Runtime.Integrations.Sns;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Runtime.Tests.Integrations.EventGrid;

public sealed class SnsTaskHandlerTests
{
    private static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(name => name == "ALERTS_KEY" ? "sns-key-9" : null).Read("""
        {"eventGrid": {"snsTopics": {
          "alerts": {"endpoint": "https://alerts.westeurope-1.eventgrid.azure.net/api/events", "accessKey": {"env": "ALERTS_KEY"}},
          "orders.fifo": {"endpoint": "https://orders.westeurope-1.eventgrid.azure.net/api/events", "accessKey": "k", "schema": "EventGrid"}}}}
        """);

    private static SnsTaskHandler Handler(FakeHttpEndpoint endpoint) =>
        new(Configuration.EventGrid, new EventGridPublisher(endpoint.Client, new AzureCredentials(_ => throw new InvalidOperationException())), new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    private static TaskInvocation Invocation(string parameters, string resource = SnsTaskHandler.Resource) =>
        new() { StateName = "Publish", Resource = resource, Input = JsonNode.Parse(parameters), ExecutionId = "arn:aws:states:us-east-1:111122223333:execution:M:e" };

    [Fact]
    public async Task Invoke_JsonMessageWithAttributes_PublishesNotificationAndReturnsAwsShape()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""
            {"TopicArn": "arn:aws:sns:us-east-1:111122223333:alerts", "Message": {"level": "high"}, "Subject": "Disk",
             "MessageAttributes": {"team": {"DataType": "String", "StringValue": "ops"}}}
            """));

        JsonObject result = outcome.Result!.AsObject();
        Assert.Equal(["MessageId", "SdkHttpMetadata", "SdkResponseMetadata"], result.Select(p => p.Key));
        Assert.Equal("text/xml", result["SdkHttpMetadata"]!["HttpHeaders"]!["Content-Type"]!.GetValue<string>());
        Assert.Equal(200, result["SdkHttpMetadata"]!["HttpStatusCode"]!.GetValue<int>());
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("sns-key-9", request.Headers["aeg-sas-key"]);
        JsonNode sent = JsonNode.Parse(request.Body)![0]!;
        Assert.Equal(result["MessageId"]!.GetValue<string>(), sent["id"]!.GetValue<string>());
        Assert.Equal("aws.sns.Notification", sent["type"]!.GetValue<string>());
        Assert.Equal("Disk", sent["subject"]!.GetValue<string>());
        JsonNode data = sent["data"]!;
        Assert.Equal("Notification", data["Type"]!.GetValue<string>());
        Assert.Equal("""{"level":"high"}""", data["Message"]!.GetValue<string>());
        Assert.Equal("""{"team":{"Type":"String","Value":"ops"}}""", data["MessageAttributes"]!.ToJsonString());
        Assert.Equal("2026-01-02T03:04:05.000Z", data["Timestamp"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_FifoTopic_RequiresGroupAndReturnsSequenceNumber()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome missing = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "arn:aws:sns:us-east-1:1:orders.fifo", "Message": "m"}"""));
        TaskOutcome sent = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "arn:aws:sns:us-east-1:1:orders.fifo", "Message": "m", "MessageGroupId": "g"}"""));

        Assert.Equal("SNS.InvalidParameterException", missing.Error!.Error);
        Assert.StartsWith("Invalid parameter: The MessageGroupId parameter is required for FIFO topics (Service: AmazonSNS; Status Code: 400; Error Code: InvalidParameter;", missing.Error.Cause, StringComparison.Ordinal);
        Assert.Equal(20, sent.Result!["SequenceNumber"]!.GetValue<string>().Length);
        Assert.Equal("g", JsonNode.Parse(Assert.Single(endpoint.Requests).Body)![0]!["data"]!["MessageGroupId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_UnconfiguredTopic_NotFoundException()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "arn:aws:sns:us-east-1:1:nope", "Message": "m"}"""));

        Assert.Equal("SNS.NotFoundException", outcome.Error!.Error);
        Assert.StartsWith("Topic does not exist (Service: AmazonSNS; Status Code: 404; Error Code: NotFound; Request ID: ", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "SNS.AuthorizationErrorException")]
    [InlineData(HttpStatusCode.Forbidden, "SNS.AuthorizationErrorException")]
    [InlineData(HttpStatusCode.TooManyRequests, "SNS.ThrottledException")]
    [InlineData(HttpStatusCode.BadRequest, "SNS.InvalidParameterException")]
    [InlineData(HttpStatusCode.InternalServerError, "SNS.InternalErrorException")]
    [InlineData(HttpStatusCode.BadGateway, "SNS.InternalErrorException")]
    public async Task Invoke_TopicAnswersError_AwsErrorName(HttpStatusCode status, string error)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(status, "{}"));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "alerts", "Message": "m"}"""));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.DoesNotContain("sns-key-9", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TimesOutOrUnreachable_SdkClientException()
    {
        using FakeHttpEndpoint endpoint = new(FakeHttpEndpoint.Throws(new TaskCanceledException("timeout", new TimeoutException())));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "alerts", "Message": "m"}"""));

        Assert.Equal("SNS.SdkClientException", outcome.Error!.Error);
        Assert.StartsWith("Unable to execute HTTP request:", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"TopicArn": "alerts"}""", "SNS.InvalidParameterException")]
    [InlineData("""{"Message": "m"}""", "SNS.InvalidParameterException")]
    [InlineData("""{"TopicArn": "alerts", "Message": "{\"email\":\"x\"}", "MessageStructure": "json"}""", "SNS.InvalidParameterException")]
    [InlineData("""{"PhoneNumber": "+15550100", "Message": "m"}""", "States.Runtime")]
    public async Task Invoke_BadParameters_Refused(string parameters, string error)
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation(parameters));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task Invoke_MessageStructureJson_SendsDefaultMember()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "alerts", "Message": "{\"default\":\"d\",\"email\":\"e\"}", "MessageStructure": "json"}"""));

        Assert.Equal("d", JsonNode.Parse(Assert.Single(endpoint.Requests).Body)![0]!["data"]!["Message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_WaitForTaskToken_AwaitsCallbackAfterPublishing()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"TopicArn": "alerts", "Message": {"token": "t-1"}}""", SnsTaskHandler.WaitForTaskTokenResource));

        Assert.True(outcome.IsAwaitingCallback);
        Assert.Single(endpoint.Requests);
    }
}
