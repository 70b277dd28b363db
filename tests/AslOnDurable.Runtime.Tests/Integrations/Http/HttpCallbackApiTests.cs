using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations.Http;

/// <summary>
/// <c>http:invoke.waitForTaskToken</c> (an AslOnDurable extension) end to end through the API on the durable self-host:
/// the HTTP task calls a local server with <c>$$.Task.Token</c> in its headers, body or query, then waits like any
/// <c>.waitForTaskToken</c> Task: SendTaskSuccess / SendTaskFailure complete it, silence ends it with
/// <c>States.Timeout</c> or <c>States.HeartbeatTimeout</c>; a non-2xx answer fails it at once.
/// </summary>
public sealed class HttpCallbackApiTests : CallbackApiTests
{
    private const string ConnectionArn = "arn:aws:events:us-east-1:123456789012:connection/approvals/7c0e1c57-1234-4f5a-9b0e-000000000000";

    internal override Task<CallbackApiSession> StartSessionAsync() => CallbackApiSession.StartAsync(
        request => request.PathAndQuery.StartsWith("/closed", StringComparison.Ordinal)
            ? new(503, """{"message":"approvals are closed"}""")
            : new(202, """{"queued":true}"""),
        """
        {"connections": {"approvals": {
          "authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": "ak-secret"},
          "bodyParameters": {"client_secret": "bp-secret"}, "allowPrivateNetwork": true}}}
        """);

    protected override string Definition(string timing = "") => Definition("/approvals", timing);

    internal override string TokenOf(LocalHttpServer.RecordedRequest request) => request.Headers["x-task-token"];

    private static string Definition(string path, string timing) => """
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::http:invoke.waitForTaskToken",
            "Parameters":{"ApiEndpoint":"URLPATH","Method":"POST","Authentication":{"ConnectionArn":"CONNECTION"},
              "Headers":{"x-task-token.$":"$$.Task.Token"},"RequestBody":{"order.$":"$.order"}},TIMING
            "ResultPath":"$.approval",
            "Catch":[{"ErrorEquals":["Approval.Rejected"],"ResultPath":"$.error","Next":"Rejected"}],"End":true},
          "Rejected":{"Type":"Pass","End":true}}}
        """.Replace("PATH", path, StringComparison.Ordinal).Replace("CONNECTION", ConnectionArn, StringComparison.Ordinal).Replace("TIMING", timing, StringComparison.Ordinal);

    [Fact]
    public async Task SendTaskSuccess_TokenFromTheRequestHeader_StateSucceedsWithTheCallbackOutputAndNoSecretInHistory()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition());

        LocalHttpServer.RecordedRequest call = await Session.FirstRequestAsync(cts.Token);
        await Session.Host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = call.Headers["x-task-token"], ["output"] = """{"approved":true}""" });
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("POST", call.Method);
        Assert.Equal("/approvals", call.PathAndQuery);
        Assert.Equal("ak-secret", call.Headers["x-api-key"]);
        Assert.Equal("""{"order":7,"client_secret":"bp-secret"}""", call.Body);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":{"approved":true}}""", (string?)described["output"]);
        string history = await Session.HistoryTextAsync(execution);
        Assert.DoesNotContain("ak-secret", history, StringComparison.Ordinal);
        Assert.DoesNotContain("bp-secret", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Non2xxAnswer_NoTokenWait_ExecutionFailsAtOnceWithTheStatusCodeError()
    {
        using CancellationTokenSource cts = new(Budget);

        // No TimeoutSeconds: were the state waiting for a callback, the execution would not end within the budget.
        (string execution, string instance) = await StartAsync(Definition("/closed", ""));
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("States.Http.StatusCode.503", (string?)described["error"]);
        Assert.Contains("approvals are closed", (string?)described["cause"], StringComparison.Ordinal);
        Assert.DoesNotContain("ak-secret", await Session.HistoryTextAsync(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonataQueryParameter_TokenFromStatesContext_SendTaskSuccessCompletesTheState()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync("""
            {"QueryLanguage":"JSONata","StartAt":"Ask","States":{
              "Ask":{"Type":"Task","Resource":"arn:aws:states:::http:invoke.waitForTaskToken",
                "Arguments":{"ApiEndpoint":"URL/approvals","Method":"GET","Authentication":{"ConnectionArn":"CONNECTION"},
                  "QueryParameters":{"token":"{% $states.context.Task.Token %}","order":"{% $states.input.order %}"}},
                "Output":{"order":"{% $states.input.order %}","approval":"{% $states.result %}"},"End":true}}}
            """.Replace("CONNECTION", ConnectionArn, StringComparison.Ordinal));

        LocalHttpServer.RecordedRequest call = await Session.FirstRequestAsync(cts.Token);
        Dictionary<string, string> query = call.PathAndQuery[(call.PathAndQuery.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);
        await Session.Host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = query["token"], ["output"] = "\"yes\"" });
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("7", query["order"]);
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":"yes"}""", (string?)described["output"]);
    }
}
