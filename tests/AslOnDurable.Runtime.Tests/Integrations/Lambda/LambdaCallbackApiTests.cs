using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations.Lambda;

/// <summary>
/// <c>lambda:invoke.waitForTaskToken</c> end to end through the API on the durable self-host: the function (a local HTTP
/// server) receives <c>$$.Task.Token</c> in its payload, and SendTaskSuccess / SendTaskFailure over the API complete the
/// state; silence ends it with <c>States.Timeout</c> or <c>States.HeartbeatTimeout</c>.
/// </summary>
public sealed class LambdaCallbackApiTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);

    private readonly LocalHttpServer server = new(request => request.PathAndQuery.StartsWith("/api/Fail", StringComparison.Ordinal)
        ? new(500, """{"errorType":"ApprovalUnavailable","errorMessage":"approvals are closed"}""")
        : new(202, "{}"));

    private readonly string suffix = Guid.NewGuid().ToString("N")[..10];
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync()
    {
        string url = server.Url("").TrimEnd('/');
        host = await IntegrationsSelfHost.StartAsync("""
            {"functions": {
              "Approve": {"url": "URL/api/Approve", "functionKey": "fk-secret", "allowPrivateNetwork": true},
              "Fail": {"url": "URL/api/Fail", "allowPrivateNetwork": true}}}
            """.Replace("URL", url, StringComparison.Ordinal));
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public void Dispose() => server.Dispose();

    private static string Definition(string function, string timing = "") => """
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"FUNCTION","Payload":{"token.$":"$$.Task.Token","order.$":"$.order"}},TIMING
            "ResultPath":"$.approval",
            "Catch":[{"ErrorEquals":["Approval.Rejected"],"ResultPath":"$.error","Next":"Rejected"}],"End":true},
          "Rejected":{"Type":"Pass","End":true}}}
        """.Replace("FUNCTION", function, StringComparison.Ordinal).Replace("TIMING", timing, StringComparison.Ordinal);

    private async Task<(string Execution, string Instance)> StartAsync(string definition)
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "approvals-" + suffix, ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "run", ["input"] = """{"order":7}""" });
        return ((string)started["executionArn"]!, "approvals-" + suffix + ":run");
    }

    private async Task<LocalHttpServer.RecordedRequest> FunctionCallAsync(CancellationToken cancellationToken)
    {
        LocalHttpServer.RecordedRequest? request;
        while (!server.Requests.TryPeek(out request))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return request;
    }

    private async Task<JsonObject> FinishedAsync(string execution, string instance, CancellationToken cancellationToken)
    {
        await host.Client.WaitForCompletionAsync(instance, cancellationToken);
        return await host.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = execution });
    }

    [Fact]
    public async Task SendTaskSuccess_TokenFromTheFunctionPayload_StateSucceedsWithTheOutput()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Approve"));

        LocalHttpServer.RecordedRequest call = await FunctionCallAsync(cts.Token);
        JsonNode payload = JsonNode.Parse(call.Body)!;
        await host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = payload["token"]!.DeepClone(), ["output"] = """{"approved":true}""" });
        JsonObject described = await FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("/api/Approve", call.PathAndQuery);
        Assert.Equal("fk-secret", call.Headers["x-functions-key"]);
        Assert.Equal(7, payload["order"]!.GetValue<int>());
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":{"approved":true}}""", (string?)described["output"]);
        Assert.DoesNotContain("fk-secret", await HistoryTextAsync(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskFailure_MatchingCatcher_ExecutionGoesOnWithTheError()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Approve"));

        JsonNode payload = JsonNode.Parse((await FunctionCallAsync(cts.Token)).Body)!;
        await host.OkAsync("SendTaskFailure", new JsonObject { ["taskToken"] = payload["token"]!.DeepClone(), ["error"] = "Approval.Rejected", ["cause"] = "over budget" });
        JsonObject described = await FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"error":{"Error":"Approval.Rejected","Cause":"over budget"}}""", (string?)described["output"]);
    }

    [Fact]
    public async Task SendTaskHeartbeat_ThenSuccess_WithinHeartbeatSeconds_StateSucceeds()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Approve", "\"HeartbeatSeconds\":60,"));

        JsonNode token = JsonNode.Parse((await FunctionCallAsync(cts.Token)).Body)!["token"]!;
        await host.OkAsync("SendTaskHeartbeat", new JsonObject { ["taskToken"] = token.DeepClone() });
        await host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = token.DeepClone(), ["output"] = "\"ok\"" });
        JsonObject described = await FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":"ok"}""", (string?)described["output"]);
    }

    [Theory]
    [InlineData("\"TimeoutSeconds\":2,", "States.Timeout")]
    [InlineData("\"HeartbeatSeconds\":2,", "States.HeartbeatTimeout")]
    public async Task NoCallback_TimeoutOrHeartbeatElapses_ExecutionFailsWithTheTimeoutError(string timing, string error)
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Approve", timing));

        await FunctionCallAsync(cts.Token);
        JsonObject described = await FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal(error, (string?)described["error"]);
    }

    [Fact]
    public async Task FunctionFails_NoTokenWait_ExecutionFailsWithTheFunctionsErrorType()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Fail"));

        JsonObject described = await FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("ApprovalUnavailable", (string?)described["error"]);
        Assert.Contains("approvals are closed", (string?)described["cause"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskSuccess_MalformedToken_InvalidToken()
    {
        await host.ErrorAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = "not-a-token", ["output"] = "{}" }, "InvalidToken");
    }

    private async Task<string> HistoryTextAsync(string execution) =>
        (await host.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = execution, ["includeExecutionData"] = true })).ToJsonString();
}
