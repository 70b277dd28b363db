using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Http;
using Microsoft.Extensions.Time.Testing;
using Moq;
using Moq.Protected;

namespace AslOnDurable.Runtime.Tests.Integrations.Http;

public sealed class HttpInvokeTaskHandlerTests : IDisposable
{
    private const string Secret = "s3cr3t-value";
    private const string ConnectionArn = "arn:aws:events:us-east-1:123456789012:connection/{0}/7c0e1c57-1234-4f5a-9b0e-000000000000";

    private static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(_ => null).Read(Fill("""
        {"connections": {
          "local-key": {"authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": "%%0%%"}, "allowPrivateNetwork": true, "queryParameters": {"tenant": "contoso"}},
          "local-basic": {"authorization": {"type": "BASIC", "username": "user", "password": "%%1%%"}, "allowPrivateNetwork": true},
          "local-oauth": {"authorization": {"type": "OAUTH_CLIENT_CREDENTIALS", "authorizationEndpoint": "http://127.0.0.1:1/token", "clientId": "client", "clientSecret": "%%2%%", "scope": "api"}, "allowPrivateNetwork": true},
          "public": {"authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": "%%3%%"}},
          "local-body": {"authorization": {"type": "NONE"}, "allowPrivateNetwork": true, "bodyParameters": {"client_secret": "%%4%%", "tenant": "contoso"}}}}
        """, Secret, Secret, Secret, Secret, Secret));

    private static string Fill(string template, params object[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            template = template.Replace("%%" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "%%", values[i].ToString(), StringComparison.Ordinal);
        }

        return template;
    }

    private readonly HttpMessageInvoker client = TaskIntegrations.CreateHttpClient();
    private readonly List<LocalHttpServer> servers = [];

    public void Dispose()
    {
        client.Dispose();
        servers.ForEach(s => s.Dispose());
    }

    private LocalHttpServer Serve(Func<LocalHttpServer.RecordedRequest, LocalHttpServer.Answer> answer)
    {
        LocalHttpServer server = new(answer);
        servers.Add(server);
        return server;
    }

    private static TaskInvocation Invocation(JsonNode parameters, string resource = HttpInvokeTaskHandler.Resource) =>
        new() { StateName = "Call", Resource = resource, Input = parameters, ExecutionId = "arn:execution" };

    private static JsonObject Parameters(string endpoint, string method, string connection, string extra = "")
    {
        JsonObject parameters = JsonNode.Parse(Fill("""{"ApiEndpoint": "%%0%%", "Method": "%%1%%", "Authentication": {"ConnectionArn": "%%2%%"}}""", endpoint, method, ConnectionArn.Replace("{0}", connection, StringComparison.Ordinal)))!.AsObject();
        if (extra.Length > 0)
        {
            foreach (var (key, value) in JsonNode.Parse(extra)!.AsObject().ToList())
            {
                parameters[key] = value?.DeepClone();
            }
        }

        return parameters;
    }

    private ValueTask<TaskOutcome> InvokeAsync(JsonNode parameters, HttpMessageInvoker? transport = null, TimeProvider? time = null) =>
        new HttpInvokeTaskHandler(Configuration, transport ?? client, time ?? TimeProvider.System).InvokeAsync(Invocation(parameters));

    [Fact]
    public async Task Invoke_GetWithApiKey_ReturnsAwsResultShape()
    {
        LocalHttpServer server = Serve(_ => new(200, """{"id":7,"tags":["a"]}""", Headers: new Dictionary<string, string> { ["x-trace"] = "t-1" }));

        TaskOutcome outcome = await InvokeAsync(Parameters(server.Url("/items/7"), "GET", "local-key", """{"QueryParameters": {"q": "red shoes", "n": 2}, "Headers": {"Accept": "application/json"}}"""));

        Assert.False(outcome.IsFailure, outcome.Error?.Cause);
        JsonObject result = outcome.Result!.AsObject();
        Assert.Equal(["Headers", "ResponseBody", "StatusCode", "StatusText"], result.Select(p => p.Key));
        Assert.Equal("""{"id":7,"tags":["a"]}""", result["ResponseBody"]!.ToJsonString());
        Assert.Equal(200, result["StatusCode"]!.GetValue<int>());
        Assert.Equal("OK", result["StatusText"]!.GetValue<string>());
        Assert.Equal("""["t-1"]""", result["Headers"]!["x-trace"]!.ToJsonString());
        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/items/7?tenant=contoso&q=red%20shoes&n=2", request.PathAndQuery);
        Assert.Equal(Secret, request.Headers["x-api-key"]);
        Assert.DoesNotContain(Secret, outcome.Result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PostJsonBodyWithBasic_SendsJsonAndAuthorization()
    {
        LocalHttpServer server = Serve(_ => new(201, "created", ContentType: "text/plain"));

        TaskOutcome outcome = await InvokeAsync(Parameters(server.Url("/orders"), "POST", "local-basic", """{"RequestBody": {"sku": "A-1", "qty": 2}}"""));

        Assert.Equal("created", outcome.Result!["ResponseBody"]!.GetValue<string>());
        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("""{"sku":"A-1","qty":2}""", request.Body);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String("user:s3cr3t-value"u8.ToArray()), request.Headers["Authorization"]);
    }

    [Theory]
    [InlineData("INDICES", "a=1&list%5B0%5D=x&list%5B1%5D=y&o%5Bk%5D=v")]
    [InlineData("BRACKETS", "a=1&list%5B%5D=x&list%5B%5D=y&o%5Bk%5D=v")]
    [InlineData("REPEAT", "a=1&list=x&list=y&o%5Bk%5D=v")]
    [InlineData("COMMAS", "a=1&list=x%2Cy&o%5Bk%5D=v")]
    public async Task Invoke_UrlEncodedTransform_EncodesArraysAsAsked(string format, string expected)
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));

        await InvokeAsync(Parameters(server.Url("/form"), "POST", "local-key", Fill("""
            {"RequestBody": {"a": 1, "list": ["x", "y"], "o": {"k": "v"}},
             "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "%%0%%"}}}
            """, format)));

        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal(expected, request.Body);
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
    }

    [Fact]
    public async Task Invoke_ConnectionBodyParameters_MergedIntoTheObjectBodyWinningOverTheTasksKeys()
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));
        JsonObject parameters = Parameters(server.Url("/orders"), "POST", "local-body", """{"RequestBody": {"sku": "A-1", "tenant": "fabrikam"}}""");

        TaskOutcome outcome = await InvokeAsync(parameters);

        Assert.False(outcome.IsFailure, outcome.Error?.Cause);
        Assert.Equal("""{"sku":"A-1","tenant":"contoso","client_secret":"s3cr3t-value"}""", Assert.Single(server.Requests).Body);
        Assert.Equal("""{"sku":"A-1","tenant":"fabrikam"}""", parameters["RequestBody"]!.ToJsonString());
        Assert.DoesNotContain(Secret, outcome.Result!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ConnectionBodyParametersWithoutTaskBody_AreTheBody()
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));

        await InvokeAsync(Parameters(server.Url("/token"), "POST", "local-body"));

        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("""{"client_secret":"s3cr3t-value","tenant":"contoso"}""", request.Body);
        Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ConnectionBodyParametersUrlEncoded_MergedBeforeEncoding()
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));

        await InvokeAsync(Parameters(server.Url("/form"), "POST", "local-body", """
            {"RequestBody": {"a": 1}, "Transform": {"RequestBodyEncoding": "URL_ENCODED"}}
            """));

        Assert.Equal("a=1&client_secret=s3cr3t-value&tenant=contoso", Assert.Single(server.Requests).Body);
    }

    [Theory]
    [InlineData("\"plain text\"", "string")]
    [InlineData("[1, 2]", "JSON array")]
    public async Task Invoke_ConnectionBodyParametersAndNonObjectBody_FailsWithRuntimeWithoutSendingOrRevealing(string body, string named)
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));

        TaskOutcome outcome = await InvokeAsync(Parameters(server.Url("/orders"), "POST", "local-body", $"{{\"RequestBody\": {body}}}"));

        Assert.Equal("States.Runtime", outcome.Error!.Error);
        Assert.Contains($"The request body is a {named}", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Contains("local-body", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Invoke_ErrorStatus_FailsWithStatusCodeErrorAndResponseAsCause(int status)
    {
        LocalHttpServer server = Serve(_ => new(status, """{"message":"nope"}"""));

        TaskOutcome outcome = await InvokeAsync(Parameters(server.Url("/missing"), "GET", "local-key"));

        Assert.Equal("States.Http.StatusCode." + status, outcome.Error!.Error);
        JsonNode cause = JsonNode.Parse(outcome.Error.Cause!)!;
        Assert.Equal(status, cause["StatusCode"]!.GetValue<int>());
        Assert.Equal("nope", cause["ResponseBody"]!["message"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_LoopbackWithoutAllowance_RefusedBeforeConnecting()
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));

        TaskOutcome outcome = await InvokeAsync(Parameters(server.Url("/"), "GET", "public"));

        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
        Assert.Contains("loopback", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://localhost/")]
    [InlineData("http://168.63.129.16/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    public async Task Invoke_MetadataOrLoopbackEndpoint_Refused(string endpoint)
    {
        TaskOutcome outcome = await InvokeAsync(Parameters(endpoint, "GET", "public"));

        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
        Assert.Contains("allowPrivateNetwork", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuardedTransport_ConnectingToLoopbackWithoutAllowance_Throws()
    {
        LocalHttpServer server = Serve(_ => new(200, "{}"));
        using HttpRequestMessage request = new(HttpMethod.Get, server.Url("/"));

        HttpRequestException e = await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(request, CancellationToken.None));

        Assert.IsType<RestrictedDestinationException>(e.InnerException);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Invoke_UnreachableHost_FailsWithSocketError()
    {
        TaskOutcome outcome = await InvokeAsync(Parameters($"http://127.0.0.1:{LocalHttpServer.FreePort()}/", "GET", "local-key"));

        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
        Assert.Contains("connection could not be made", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TransportTimesOut_FailsWithSocketError()
    {
        Mock<HttpMessageHandler> handler = new(MockBehavior.Loose);
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .ThrowsAsync(new TaskCanceledException("timed out", new TimeoutException()));
        using HttpMessageInvoker transport = new(handler.Object);

        TaskOutcome outcome = await InvokeAsync(Parameters("https://api.example.com/slow", "GET", "public"), transport);

        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
        Assert.Contains("timed out", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_PublicEndpointThroughMockTransport_SendsKeyOnlyInHeader()
    {
        HttpRequestMessage? sent = null;
        Mock<HttpMessageHandler> handler = new(MockBehavior.Loose);
        handler.Protected()
            .Setup<Task<HttpResponseMessage>>("SendAsync", ItExpr.IsAny<HttpRequestMessage>(), ItExpr.IsAny<CancellationToken>())
            .Callback<HttpRequestMessage, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(new HttpResponseMessage(HttpStatusCode.NoContent));
        using HttpMessageInvoker transport = new(handler.Object);

        TaskOutcome outcome = await InvokeAsync(Parameters("https://api.example.com/ping", "DELETE", "public"), transport);

        Assert.Equal(204, outcome.Result!["StatusCode"]!.GetValue<int>());
        Assert.Null(outcome.Result["ResponseBody"]);
        Assert.Equal(Secret, sent!.Headers.GetValues("x-api-key").Single());
        Assert.DoesNotContain(Secret, sent.RequestUri!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_OAuth_FetchesTokenOnceAndSendsBearer()
    {
        LocalHttpServer tokenServer = Serve(_ => new(200, """{"access_token":"tok-1","token_type":"Bearer","expires_in":3600}"""));
        LocalHttpServer api = Serve(_ => new(200, "{}"));
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read(Fill("""
            {"connections": {"local-oauth": {"authorization": {"type": "OAUTH_CLIENT_CREDENTIALS", "authorizationEndpoint": "%%0%%",
              "clientId": "client", "clientSecret": "%%1%%", "scope": "api"}, "allowPrivateNetwork": true}}}
            """, tokenServer.Url("/token"), Secret));
        HttpInvokeTaskHandler handler = new(configuration, client, new FakeTimeProvider());

        await handler.InvokeAsync(Invocation(Parameters(api.Url("/a"), "GET", "local-oauth")));
        await handler.InvokeAsync(Invocation(Parameters(api.Url("/b"), "GET", "local-oauth")));

        LocalHttpServer.RecordedRequest tokenRequest = Assert.Single(tokenServer.Requests);
        Assert.Equal("grant_type=client_credentials&scope=api", tokenRequest.Body);
        Assert.Equal("Basic " + Convert.ToBase64String("client:s3cr3t-value"u8.ToArray()), tokenRequest.Headers["Authorization"]);
        Assert.All(api.Requests, r => Assert.Equal("Bearer tok-1", r.Headers["Authorization"]));
        Assert.Equal(2, api.Requests.Count);
    }

    [Fact]
    public async Task Invoke_OAuthEndpointRefuses_FailsWithoutSecret()
    {
        LocalHttpServer tokenServer = Serve(_ => new(401, """{"error":"invalid_client"}"""));
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read(Fill("""
            {"connections": {"o": {"authorization": {"type": "OAUTH_CLIENT_CREDENTIALS", "authorizationEndpoint": "%%0%%",
              "clientId": "client", "clientSecret": "%%1%%"}, "allowPrivateNetwork": true}}}
            """, tokenServer.Url("/token"), Secret));

        TaskOutcome outcome = await new HttpInvokeTaskHandler(configuration, client, TimeProvider.System).InvokeAsync(Invocation(Parameters("https://api.example.com/", "GET", "o")));

        Assert.Equal("States.Http.StatusCode.401", outcome.Error!.Error);
        Assert.DoesNotContain(Secret, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "GET"}""", "Authentication")]
    [InlineData("""{"ApiEndpoint": "ftp://x.example.com", "Method": "GET", "Authentication": {"ConnectionArn": "public"}}""", "ApiEndpoint")]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "FETCH", "Authentication": {"ConnectionArn": "public"}}""", "Method")]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "GET", "Authentication": {"ConnectionArn": "nowhere"}}""", "not configured")]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "GET", "Authentication": {"ConnectionArn": "public"}, "Headers": {"Host": "evil"}}""", "Host")]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "GET", "Authentication": {"ConnectionArn": "public"}, "Transform": {"RequestBodyEncoding": "XML"}}""", "RequestBodyEncoding")]
    [InlineData("""{"ApiEndpoint": "https://x.example.com", "Method": "GET", "Authentication": {"ConnectionArn": "public"}, "Body": {}}""", "Body")]
    public async Task Invoke_BadParameters_FailsWithRuntimeNamingTheField(string parameters, string named)
    {
        TaskOutcome outcome = await InvokeAsync(JsonNode.Parse(parameters)!);

        Assert.Equal("States.Runtime", outcome.Error!.Error);
        Assert.Contains(named, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WaitForTaskToken2xx_CallMadeWithTheTokenAndTheStateAwaitsTheCallback()
    {
        LocalHttpServer server = Serve(_ => new(202, """{"queued":true}"""));
        JsonObject parameters = Parameters(server.Url("/approvals"), "POST", "local-key", """
            {"Headers": {"x-task-token": "tok-1"}, "QueryParameters": {"token": "tok-1"}, "RequestBody": {"token": "tok-1", "order": 7}}
            """);

        TaskOutcome outcome = await new HttpInvokeTaskHandler(Configuration, client, TimeProvider.System)
            .InvokeAsync(Invocation(parameters, HttpInvokeTaskHandler.WaitForTaskTokenResource));

        Assert.True(outcome.IsAwaitingCallback);
        Assert.False(outcome.IsFailure);
        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("tok-1", request.Headers["x-task-token"]);
        Assert.Equal("/approvals?tenant=contoso&token=tok-1", request.PathAndQuery);
        Assert.Equal("""{"token":"tok-1","order":7}""", request.Body);
        Assert.Equal(Secret, request.Headers["x-api-key"]);
    }

    [Fact]
    public async Task Invoke_WaitForTaskTokenNon2xx_FailsAtOnceWithTheStatusCodeError()
    {
        LocalHttpServer server = Serve(_ => new(503, """{"message":"closed"}"""));

        TaskOutcome outcome = await new HttpInvokeTaskHandler(Configuration, client, TimeProvider.System)
            .InvokeAsync(Invocation(Parameters(server.Url("/approvals"), "POST", "local-key", """{"RequestBody": {"token": "tok-1"}}"""), HttpInvokeTaskHandler.WaitForTaskTokenResource));

        Assert.False(outcome.IsAwaitingCallback);
        Assert.Equal("States.Http.StatusCode.503", outcome.Error!.Error);
        Assert.Contains("closed", outcome.Error.Cause, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_WaitForTaskTokenToAPrivateAddress_RefusedByTheGuardWithoutACall()
    {
        TaskOutcome outcome = await new HttpInvokeTaskHandler(Configuration, client, TimeProvider.System)
            .InvokeAsync(Invocation(Parameters("http://169.254.169.254/latest", "GET", "public"), HttpInvokeTaskHandler.WaitForTaskTokenResource));

        Assert.False(outcome.IsAwaitingCallback);
        Assert.Equal("States.Http.Socket", outcome.Error!.Error);
    }

    [Fact]
    public async Task Invoke_SyncVariant_FailsWithRuntime()
    {
        TaskOutcome outcome = await new HttpInvokeTaskHandler(Configuration, client, TimeProvider.System)
            .InvokeAsync(Invocation(Parameters("https://x.example.com", "GET", "public"), HttpInvokeTaskHandler.Resource + ".sync"));

        Assert.Equal("States.Runtime", outcome.Error!.Error);
    }
}
