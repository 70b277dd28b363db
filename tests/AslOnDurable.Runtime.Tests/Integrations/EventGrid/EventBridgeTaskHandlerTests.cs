using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.EventBridge;
using AslOnDurable.Runtime.Integrations.EventGrid;
using AslOnDurable.Runtime.Integrations.Identity;
using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.EventGrid;

public sealed class EventBridgeTaskHandlerTests
{
    private const string ExecutionArn = "arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1";

    private static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(_ => null).Read("""
        {"eventGrid": {"eventBuses": {
          "default": {"endpoint": "https://orders.westeurope-1.eventgrid.azure.net/api/events", "accessKey": "eg-key-1"},
          "audit": {"endpoint": "https://audit.westeurope-1.eventgrid.azure.net/api/events", "managedIdentity": {"clientId": "mi-7"}, "schema": "EventGrid"}}}}
        """);

    private static EventBridgeTaskHandler Handler(FakeHttpEndpoint endpoint, AzureCredentials? credentials = null) =>
        new(Configuration.EventGrid, new EventGridPublisher(endpoint.Client, credentials ?? new AzureCredentials(_ => throw new InvalidOperationException("no identity in this test"))), new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));

    private static TaskInvocation Invocation(string parameters, string resource = EventBridgeTaskHandler.Resource) =>
        new() { StateName = "Put", Resource = resource, Input = JsonNode.Parse(parameters), ExecutionId = ExecutionArn };

    [Fact]
    public async Task Invoke_TwoEntries_PublishesCloudEventsWithKeyAndReturnsEventIds()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""
            {"Entries": [{"Source": "shop.orders", "DetailType": "OrderPlaced", "Detail": {"id": 1}},
                         {"Source": "shop.orders", "DetailType": "OrderPlaced", "Detail": "{\"id\": 2}", "Resources": ["arn:aws:s3:::b"]}]}
            """));

        JsonObject result = outcome.Result!.AsObject();
        Assert.Equal(["Entries", "FailedEntryCount"], result.Select(p => p.Key));
        Assert.Equal(0, result["FailedEntryCount"]!.GetValue<int>());
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("eg-key-1", request.Headers["aeg-sas-key"]);
        Assert.StartsWith("application/cloudevents-batch+json", request.Headers["Content-Type"], StringComparison.Ordinal);
        JsonArray events = JsonNode.Parse(request.Body)!.AsArray();
        Assert.Equal(2, events.Count);
        Assert.Equal(result["Entries"]![1]!["EventId"]!.GetValue<string>(), events[1]!["id"]!.GetValue<string>());
        Assert.Equal("1.0", events[0]!["specversion"]!.GetValue<string>());
        Assert.Equal("shop.orders", events[0]!["source"]!.GetValue<string>());
        Assert.Equal("OrderPlaced", events[0]!["type"]!.GetValue<string>());
        JsonNode data = events[1]!["data"]!;
        Assert.Equal("""{"id":2}""", data["detail"]!.ToJsonString());
        Assert.Equal("111122223333", data["account"]!.GetValue<string>());
        Assert.Equal("eu-west-1", data["region"]!.GetValue<string>());
        Assert.Equal("2026-01-02T03:04:05Z", data["time"]!.GetValue<string>());
        Assert.Equal(
            """["arn:aws:s3:::b","arn:aws:states:eu-west-1:111122223333:execution:Orders:run-1","arn:aws:states:eu-west-1:111122223333:stateMachine:Orders"]""",
            data["resources"]!.ToJsonString());
    }

    [Fact]
    public async Task Invoke_MalformedAndMissingFields_FailsWithFailedEntryListingEach()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""
            {"Entries": [{"Source": "s", "DetailType": "t", "Detail": {"ok": true}},
                         {"Source": "s", "DetailType": "t", "Detail": "\"just text\""},
                         {"DetailType": "t", "Detail": {}}]}
            """));

        Assert.Equal("EventBridge.FailedEntry", outcome.Error!.Error);
        JsonObject cause = JsonNode.Parse(outcome.Error.Cause!)!.AsObject();
        Assert.Equal(2, cause["FailedEntryCount"]!.GetValue<int>());
        Assert.NotNull(cause["Entries"]![0]!["EventId"]);
        Assert.Equal("MalformedDetail", cause["Entries"]![1]!["ErrorCode"]!.GetValue<string>());
        Assert.Equal("Detail is malformed.", cause["Entries"]![1]!["ErrorMessage"]!.GetValue<string>());
        Assert.Equal("Parameter Source is not valid. Reason: Source is a required argument.", cause["Entries"]![2]!["ErrorMessage"]!.GetValue<string>());
        Assert.Single(JsonNode.Parse(Assert.Single(endpoint.Requests).Body)!.AsArray());
    }

    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, "AccessDeniedException")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException")]
    [InlineData(HttpStatusCode.TooManyRequests, "ThrottlingException")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalFailure")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "InternalFailure")]
    public async Task Invoke_TopicAnswersError_EntryFailsWithAwsCode(HttpStatusCode status, string code)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(status, """{"error":{"code":"X","message":"topic says no"}}""", ("Retry-After", "7")));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"Entries": [{"Source": "s", "DetailType": "t", "Detail": {}}]}"""));

        Assert.Equal("EventBridge.FailedEntry", outcome.Error!.Error);
        JsonNode entry = JsonNode.Parse(outcome.Error.Cause!)!["Entries"]![0]!;
        Assert.Equal(code, entry["ErrorCode"]!.GetValue<string>());
        Assert.Contains("topic says no", entry["ErrorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("eg-key-1", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Unreachable_InternalFailure()
    {
        using FakeHttpEndpoint endpoint = new(FakeHttpEndpoint.Throws(new HttpRequestException("Connection refused")));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"Entries": [{"Source": "s", "DetailType": "t", "Detail": {}}]}"""));

        JsonNode entry = JsonNode.Parse(outcome.Error!.Cause!)!["Entries"]![0]!;
        Assert.Equal("InternalFailure", entry["ErrorCode"]!.GetValue<string>());
        Assert.Contains("Connection refused", entry["ErrorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnconfiguredBus_NotFoundWithoutRequest()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation(
            """{"Entries": [{"Source": "s", "DetailType": "t", "Detail": {}, "EventBusName": "arn:aws:events:eu-west-1:111122223333:event-bus/billing"}]}"""));

        JsonNode entry = JsonNode.Parse(outcome.Error!.Cause!)!["Entries"]![0]!;
        Assert.Equal("NotFoundException", entry["ErrorCode"]!.GetValue<string>());
        Assert.Contains("billing", entry["ErrorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Theory]
    [InlineData("""{"Entries": []}""")]
    [InlineData("""{"Entries": [{},{},{},{},{},{},{},{},{},{},{}]}""")]
    [InlineData("""{}""")]
    public async Task Invoke_NoneOrTooManyEntries_ValidationError(string parameters)
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation(parameters));

        Assert.Equal("EventBridge.AmazonEventBridgeException", outcome.Error!.Error);
        Assert.Contains("Error Code: ValidationException", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ManagedIdentityBusEventGridSchema_SendsBearerForEventGridScope()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));
        Mock<TokenCredential> credential = new(MockBehavior.Strict);
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == EventGridPublisher.Scope), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("mi-token-1", DateTimeOffset.MaxValue));
        string? clientId = "unset";
        AzureCredentials credentials = new(id => { clientId = id; return credential.Object; });

        TaskOutcome outcome = await Handler(endpoint, credentials).InvokeAsync(Invocation(
            """{"Entries": [{"Source": "s", "DetailType": "Audited", "Detail": {"a": 1}, "EventBusName": "audit"}]}""", EventBridgeTaskHandler.WaitForTaskTokenResource));

        Assert.True(outcome.IsAwaitingCallback);
        Assert.Equal("mi-7", clientId);
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("Bearer mi-token-1", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("aeg-sas-key"));
        JsonNode sent = JsonNode.Parse(request.Body)![0]!;
        Assert.Equal("Audited", sent["eventType"]!.GetValue<string>());
        Assert.Equal("s", sent["subject"]!.GetValue<string>());
        Assert.Equal("1.0", sent["dataVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_NoTokenForIdentity_InternalFailureNamingIt()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.OK));
        Mock<TokenCredential> credential = new();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."));

        TaskOutcome outcome = await Handler(endpoint, new AzureCredentials(_ => credential.Object)).InvokeAsync(Invocation(
            """{"Entries": [{"Source": "s", "DetailType": "t", "Detail": {}, "EventBusName": "audit"}]}"""));

        Assert.Contains("managed identity", outcome.Error!.Cause, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }
}
