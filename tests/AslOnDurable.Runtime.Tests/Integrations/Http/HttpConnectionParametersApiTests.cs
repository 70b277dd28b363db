using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations.Http;

/// <summary>
/// A connection's header, query string and body parameters through the API on the durable self-host: merged into the
/// request as AWS documents, and their secrets in no output, error or history event.
/// </summary>
public sealed class HttpConnectionParametersApiTests : IAsyncLifetime, IDisposable
{
    private const string Secret = "cs-8f2e-secret";
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    private readonly LocalHttpServer server = new(request => new(200, """{"ok":true}"""));
    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync()
    {
        host = await IntegrationsSelfHost.StartAsync("""
            {"connections": {"billing": {"authorization": {"type": "NONE"}, "allowPrivateNetwork": true,
              "headers": {"x-tenant": "SECRET-h"}, "queryParameters": {"tenant": "SECRET-q"}, "bodyParameters": {"client_secret": "SECRET"}}}}
            """.Replace("SECRET", Secret, StringComparison.Ordinal));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => server.Dispose();

    private async Task<(JsonObject Described, string History)> RunAsync(string requestBody)
    {
        using CancellationTokenSource cts = new(Budget);
        string definition = """
            {"StartAt":"Charge","States":{"Charge":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
              "Parameters":{"ApiEndpoint":"URL","Method":"POST",
                "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/billing/1"},
                "QueryParameters":{"tenant":"mine","page":"1"},"RequestBody":BODY},"End":true}}}
            """.Replace("URL", server.Url("/charges"), StringComparison.Ordinal).Replace("BODY", requestBody, StringComparison.Ordinal);
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "billing-" + suffix, ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        string execution = (string)(await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = "{}" }))["executionArn"]!;
        await host.Client.WaitForCompletionAsync("billing-" + suffix + ":run", cts.Token);
        JsonObject described = await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
        JsonObject history = await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["includeExecutionData"] = true });
        return (described, history.ToJsonString());
    }

    [Fact]
    public async Task ObjectBody_ConnectionParametersMergedAndWinning_NoSecretInOutputOrHistory()
    {
        (JsonObject described, string history) = await RunAsync("""{"amount":12,"client_secret":"mine"}""");

        LocalHttpServer.RecordedRequest request = Assert.Single(server.Requests);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal($$"""{"amount":12,"client_secret":"{{Secret}}"}""", request.Body);
        Assert.Equal($"/charges?tenant={Secret}-q&page=1", request.PathAndQuery);
        Assert.Equal(Secret + "-h", request.Headers["x-tenant"]);
        Assert.DoesNotContain(Secret, (string?)described["output"], StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, history, StringComparison.Ordinal);
        Assert.Contains("TaskSucceeded", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StringBody_WithConnectionBodyParameters_FailsWithRuntimeAndNoSecret()
    {
        (JsonObject described, string history) = await RunAsync("\"amount=12\"");

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("States.Runtime", (string?)described["error"]);
        Assert.Contains("The request body is a string", (string?)described["cause"], StringComparison.Ordinal);
        Assert.Empty(server.Requests);
        Assert.DoesNotContain(Secret, history, StringComparison.Ordinal);
    }
}
