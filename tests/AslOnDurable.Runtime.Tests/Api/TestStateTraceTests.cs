using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Http;
using AslOnDurable.Runtime.Tests.Integrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>TestState at TRACE: an HTTP Task's request and response, with and without <c>revealSecrets</c>.</summary>
public sealed class TestStateTraceTests : IAsyncLifetime, IDisposable
{
    private const string Key = "k3y-value";
    private const string ConnectionArn = "arn:aws:events:us-east-1:123456789012:connection/api/7c0e1c57-1234-4f5a-9b0e-000000000000";

    private readonly FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"ok":true}""", ("X-Answer", "yes")));
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync()
    {
        IntegrationsConfiguration configuration = new IntegrationsConfigurationReader(_ => null).Read(
            "{\"connections\": {\"api\": {\"authorization\": {\"type\": \"API_KEY\", \"apiKeyName\": \"x-api-key\", \"apiKeyValue\": \"" + Key
            + "\"}, \"queryParameters\": {\"tenant\": \"contoso\"}, \"headers\": {\"X-Conn\": \"c\"}}}}");
        host = await StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services =>
            {
                services.AddSingleton(endpoint.Client);
                services.AddAslIntegrations(configuration);
            });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        endpoint.Dispose();
    }

    public void Dispose() => endpoint.Dispose();

    private Task<JsonObject> TestAsync(string level, bool? reveal) => host.OkAsync("TestState", Request(level, reveal));

    private static JsonObject Request(string level, bool? reveal, string resource = HttpInvokeTaskHandler.Resource)
    {
        JsonObject request = new()
        {
            ["definition"] = "{\"Type\":\"Task\",\"Resource\":\"" + resource + "\",\"Parameters\":{\"ApiEndpoint\":\"https://api.example.com/items\","
                + "\"Method\":\"POST\",\"Authentication\":{\"ConnectionArn\":\"" + ConnectionArn + "\"},\"QueryParameters\":{\"q\":\"1\"},"
                + "\"Headers\":{\"X-Mine\":\"m\"},\"RequestBody\":{\"a.$\":\"$.a\"}},\"ResultSelector\":{\"body.$\":\"$.ResponseBody\"},\"End\":true}",
            ["input"] = """{"a":1}""",
            ["inspectionLevel"] = level,
        };
        if (reveal is { } value)
        {
            request["revealSecrets"] = value;
        }

        return request;
    }

    [Fact]
    public async Task TestState_HttpTaskWaitForTaskTokenWithoutMock_RefusedAsOtherCallbackTasksWithoutACall()
    {
        JsonObject error = await host.ErrorAsync("TestState", Request("TRACE", null, HttpInvokeTaskHandler.WaitForTaskTokenResource), "InvalidDefinition");

        Assert.Contains("only with a mock", (string?)error["message"], StringComparison.Ordinal);
        Assert.Empty(endpoint.Requests);
    }

    [Fact]
    public async Task TestState_HttpTaskTrace_RequestAndResponseWithoutTheConnectionsSecrets()
    {
        JsonObject r = await TestAsync("TRACE", null);

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""{"body":{"ok":true}}""", (string?)r["output"]);
        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("""{"body":{"ok":true}}""", (string?)data["afterResultSelector"]);
        JsonObject request = data["request"]!.AsObject();
        Assert.Equal("https", (string?)request["protocol"]);
        Assert.Equal("POST", (string?)request["method"]);
        Assert.Equal("https://api.example.com/items?q=1", (string?)request["url"]);
        Assert.Equal("""{"a":1}""", (string?)request["body"]);
        string headers = (string)request["headers"]!;
        Assert.Contains("X-Mine: m", headers, StringComparison.Ordinal);
        Assert.DoesNotContain("x-api-key", headers, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("X-Conn", headers, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, r.ToJsonString(), StringComparison.Ordinal);
        JsonObject response = data["response"]!.AsObject();
        Assert.Equal("200", (string?)response["statusCode"]);
        Assert.Equal("OK", (string?)response["statusMessage"]);
        Assert.Equal("""{"ok":true}""", (string?)response["body"]);
        Assert.Contains("X-Answer: yes", (string?)response["headers"], StringComparison.Ordinal);
        Assert.Contains("tenant=contoso", endpoint.Requests.Last().Uri.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestState_HttpTaskTraceRevealSecrets_ConnectionHeadersAndQueryShown()
    {
        JsonObject r = await TestAsync("TRACE", true);

        JsonObject request = r["inspectionData"]!["request"]!.AsObject();
        Assert.Contains("x-api-key: " + Key, (string?)request["headers"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("X-Conn: c", (string?)request["headers"], StringComparison.Ordinal);
        Assert.Contains("tenant=contoso", (string?)request["url"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestState_HttpTaskDebug_NoRequestOrResponse()
    {
        JsonObject r = await TestAsync("DEBUG", true);

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.NotNull(r["inspectionData"]!["afterParameters"]);
        Assert.Null(r["inspectionData"]!["request"]);
        Assert.Null(r["inspectionData"]!["response"]);
    }
}
