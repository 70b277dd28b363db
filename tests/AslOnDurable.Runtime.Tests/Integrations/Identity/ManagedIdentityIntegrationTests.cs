using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.DotNet;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Runtime.Integrations.Lambda;
using AslOnDurable.Runtime.Integrations.Sqs;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.Identity;

/// <summary>Managed identity for HTTP connections, HTTP-triggered functions and the storage account: the token is asked for the right scope and sent as Bearer only.</summary>
public sealed class ManagedIdentityIntegrationTests
{
    private readonly List<(string? ClientId, string Scope)> asked = [];

    private AzureCredentials Credentials(string token = "tok-secret-1")
    {
        return new AzureCredentials(clientId =>
        {
            Mock<TokenCredential> credential = new(MockBehavior.Strict);
            credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
                .Callback<TokenRequestContext, CancellationToken>((context, _) => asked.Add((clientId, context.Scopes.Single())))
                .ReturnsAsync(new AccessToken(token, DateTimeOffset.MaxValue));
            credential.Setup(c => c.GetToken(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
                .Callback<TokenRequestContext, CancellationToken>((context, _) => asked.Add((clientId, context.Scopes.Single())))
                .Returns(new AccessToken(token, DateTimeOffset.MaxValue));
            return credential.Object;
        });
    }

    private static AzureCredentials Failing() => new(_ =>
    {
        Mock<TokenCredential> credential = new();
        credential.Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential authentication unavailable."));
        return credential.Object;
    });

    private static TaskInvocation Invocation(string resource, string parameters) =>
        new() { StateName = "T", Resource = resource, Input = JsonNode.Parse(parameters), ExecutionId = "arn:aws:states:us-east-1:1:execution:M:e" };

    private static IntegrationsConfiguration Read(string json) => new IntegrationsConfigurationReader(_ => null).Read(json);

    [Fact]
    public async Task HttpConnection_ManagedIdentity_BearerForScopeAndNotInResult()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"ok":true}"""));
        IntegrationsConfiguration configuration = Read("""
            {"connections": {"arm": {"authorization": {"type": "MANAGED_IDENTITY", "scope": "https://management.azure.com/.default", "clientId": "uai-1"}}}}
            """);
        HttpInvokeTaskHandler handler = new(configuration, endpoint.Client, new FakeTimeProvider(), Credentials());

        TaskOutcome outcome = await handler.InvokeAsync(Invocation(HttpInvokeTaskHandler.Resource,
            """{"ApiEndpoint": "https://management.azure.com/subscriptions", "Method": "GET", "Authentication": {"ConnectionArn": "arm"}}"""));

        Assert.Equal(200, outcome.Result!["StatusCode"]!.GetValue<int>());
        Assert.Equal([("uai-1", "https://management.azure.com/.default")], asked);
        Assert.Equal("Bearer tok-secret-1", Assert.Single(endpoint.Requests).Headers["Authorization"]);
        Assert.DoesNotContain("tok-secret-1", outcome.Result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HttpConnection_NoToken_SocketErrorWithoutRequest()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, "{}"));
        IntegrationsConfiguration configuration = Read("""{"connections": {"arm": {"authorization": {"type": "MANAGED_IDENTITY", "scope": "s/.default"}}}}""");
        HttpInvokeTaskHandler handler = new(configuration, endpoint.Client, new FakeTimeProvider(), Failing());

        TaskOutcome outcome = await handler.InvokeAsync(Invocation(HttpInvokeTaskHandler.Resource,
            """{"ApiEndpoint": "https://api.example.com/x", "Method": "GET", "Authentication": {"ConnectionArn": "arm"}}"""));

        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
        Assert.Contains("managed identity of connection 'arm'", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task HttpFunction_ManagedIdentity_BearerForAppScope()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"n":1}"""));
        IntegrationsConfiguration configuration = Read("""
            {"functions": {"Score": {"url": "https://scoring.azurewebsites.net/api/Score", "managedIdentity": {"scope": "api://scoring-app/.default"}}}}
            """);
        LambdaTaskHandler handler = new(configuration, DotNetHandlers.None, endpoint.Client, new FakeTimeProvider(), Credentials());

        TaskOutcome outcome = await handler.InvokeAsync(Invocation("arn:aws:lambda:us-east-1:1:function:Score", "{}"));

        Assert.Equal("""{"n":1}""", outcome.Result!.ToJsonString());
        Assert.Equal([(null, "api://scoring-app/.default")], asked);
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("Bearer tok-secret-1", request.Headers["Authorization"]);
        Assert.False(request.Headers.ContainsKey("x-functions-key"));
    }

    [Fact]
    public async Task HttpFunction_NoToken_SdkClientException()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, "{}"));
        IntegrationsConfiguration configuration = Read("""{"functions": {"Score": {"url": "https://s.example.com/api/Score", "managedIdentity": {"scope": "api://s/.default"}}}}""");
        LambdaTaskHandler handler = new(configuration, DotNetHandlers.None, endpoint.Client, new FakeTimeProvider(), Failing());

        TaskOutcome outcome = await handler.InvokeAsync(Invocation(LambdaTaskHandler.InvokeResource, """{"FunctionName": "Score"}"""));

        Assert.Equal("Lambda.SdkClientException", outcome.Error!.Error);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task Storage_AccountNameWithIdentity_QueueCallCarriesStorageToken()
    {
        using FakeHttpEndpoint endpoint = new(_ => new HttpResponseMessage(HttpStatusCode.Created)
        {
            Content = new StringContent(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><QueueMessagesList><QueueMessage><MessageId>m-1</MessageId>"
                + "<InsertionTime>Fri, 02 Jan 2026 03:04:05 GMT</InsertionTime><ExpirationTime>Fri, 09 Jan 2026 03:04:05 GMT</ExpirationTime>"
                + "<PopReceipt>p</PopReceipt><TimeNextVisible>Fri, 02 Jan 2026 03:04:05 GMT</TimeNextVisible></QueueMessage></QueueMessagesList>",
                System.Text.Encoding.UTF8,
                "application/xml"),
        });
        IntegrationsConfiguration configuration = Read("""{"storage": {"accountName": "ordersacct", "managedIdentity": {"clientId": "uai-2"}}}""");
        AzureStorageClients clients = new(configuration.Storage, Credentials(), new HttpClientTransport(endpoint.Handler));
        SqsTaskHandler handler = new(clients.Queues(), configuration.Storage, new FakeTimeProvider());

        TaskOutcome outcome = await handler.InvokeAsync(Invocation(SqsTaskHandler.Resource, """{"QueueUrl": "orders", "MessageBody": "hi"}"""));

        Assert.Equal("m-1", outcome.Result!["MessageId"]!.GetValue<string>());
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("https://ordersacct.queue.core.windows.net/orders/messages", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.Equal("Bearer tok-secret-1", request.Headers["Authorization"]);
        Assert.Contains(asked, a => a.ClientId == "uai-2" && a.Scope.StartsWith("https://storage.azure.com/", StringComparison.Ordinal) && a.Scope.EndsWith(".default", StringComparison.Ordinal));
    }

    [Fact]
    public void Storage_ServiceUrisWithIdentity_Read()
    {
        IntegrationsConfiguration configuration = Read("""
            {"storage": {"blobServiceUri": "https://b.example.com", "queueServiceUri": "https://q.example.com", "tableServiceUri": "https://t.example.com", "managedIdentity": true}}
            """);

        Assert.Null(configuration.Storage!.ConnectionString);
        Assert.Equal(new StorageServiceUris(new("https://b.example.com"), new("https://q.example.com"), new("https://t.example.com")), configuration.Storage.ServiceUris);
        Assert.Equal(ManagedIdentity.Default, configuration.Storage.Identity);
    }

    [Theory]
    [InlineData("""{"storage": {"connectionString": "azurite", "accountName": "abc", "managedIdentity": true}}""", "/storage: set 'connectionString'")]
    [InlineData("""{"storage": {"accountName": "abc"}}""", "/storage/managedIdentity: required")]
    [InlineData("""{"storage": {"blobServiceUri": "https://b.example.com", "managedIdentity": true}}""", "all of 'blobServiceUri', 'queueServiceUri' and 'tableServiceUri'")]
    [InlineData("""{"storage": {"accountName": "Not_Valid", "managedIdentity": true}}""", "/storage/accountName: must be a storage account name")]
    [InlineData("""{"connections": {"c": {"authorization": {"type": "MANAGED_IDENTITY"}}}}""", "/connections/c/authorization: must be {\"scope\"")]
    [InlineData("""{"functions": {"F": {"url": "https://f.example.com", "managedIdentity": true}}}""", "/functions/F/managedIdentity: must be {\"scope\"")]
    public void Read_BadIdentityConfiguration_ProblemWithPointer(string json, string expected)
    {
        IntegrationsConfigurationException e = Assert.Throws<IntegrationsConfigurationException>(() => Read(json));

        Assert.Contains(e.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void For_SameIdentity_OneCredential()
    {
        int created = 0;
        AzureCredentials credentials = new(_ => { created++; return new Mock<TokenCredential>().Object; });

        TokenCredential first = credentials.For(new ManagedIdentity("a"));
        TokenCredential again = credentials.For(new ManagedIdentity("a"));
        credentials.For(ManagedIdentity.Default);

        Assert.Same(first, again);
        Assert.Equal(2, created);
    }
}
