using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Tests.Api;

namespace AslOnDurable.Runtime.Tests.Integrations.Lambda;

/// <summary>
/// <c>lambda:invoke.waitForTaskToken</c> end to end through the API on the durable self-host: the function (a local HTTP
/// server) receives <c>$$.Task.Token</c> in its payload, and SendTaskSuccess / SendTaskFailure over the API complete the
/// state; silence ends it with <c>States.Timeout</c> or <c>States.HeartbeatTimeout</c> (the shared cases:
/// <see cref="CallbackApiTests"/>).
/// </summary>
public sealed class LambdaCallbackApiTests : CallbackApiTests
{
    internal override Task<CallbackApiSession> StartSessionAsync() => CallbackApiSession.StartAsync(
        request => request.PathAndQuery.StartsWith("/api/Fail", StringComparison.Ordinal)
            ? new(500, """{"errorType":"ApprovalUnavailable","errorMessage":"approvals are closed"}""")
            : new(202, "{}"),
        """
        {"functions": {
          "Approve": {"url": "URL/api/Approve", "functionKey": "fk-secret", "allowPrivateNetwork": true},
          "Fail": {"url": "URL/api/Fail", "allowPrivateNetwork": true}}}
        """);

    protected override string Definition(string timing = "") => Definition("Approve", timing);

    internal override string TokenOf(LocalHttpServer.RecordedRequest request) => (string)JsonNode.Parse(request.Body)!["token"]!;

    private static string Definition(string function, string timing) => """
        {"StartAt":"Ask","States":{
          "Ask":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"FUNCTION","Payload":{"token.$":"$$.Task.Token","order.$":"$.order"}},TIMING
            "ResultPath":"$.approval",
            "Catch":[{"ErrorEquals":["Approval.Rejected"],"ResultPath":"$.error","Next":"Rejected"}],"End":true},
          "Rejected":{"Type":"Pass","End":true}}}
        """.Replace("FUNCTION", function, StringComparison.Ordinal).Replace("TIMING", timing, StringComparison.Ordinal);

    [Fact]
    public async Task SendTaskSuccess_TokenFromTheFunctionPayload_StateSucceedsWithTheOutput()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition());

        LocalHttpServer.RecordedRequest call = await Session.FirstRequestAsync(cts.Token);
        JsonNode payload = JsonNode.Parse(call.Body)!;
        await Session.Host.OkAsync("SendTaskSuccess", new JsonObject { ["taskToken"] = payload["token"]!.DeepClone(), ["output"] = """{"approved":true}""" });
        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("/api/Approve", call.PathAndQuery);
        Assert.Equal("fk-secret", call.Headers["x-functions-key"]);
        Assert.Equal(7, payload["order"]!.GetValue<int>());
        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("""{"order":7,"approval":{"approved":true}}""", (string?)described["output"]);
        Assert.DoesNotContain("fk-secret", await Session.HistoryTextAsync(execution), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FunctionFails_NoTokenWait_ExecutionFailsWithTheFunctionsErrorType()
    {
        using CancellationTokenSource cts = new(Budget);
        (string execution, string instance) = await StartAsync(Definition("Fail", ""));

        JsonObject described = await Session.FinishedAsync(execution, instance, cts.Token);

        Assert.Equal("FAILED", (string?)described["status"]);
        Assert.Equal("ApprovalUnavailable", (string?)described["error"]);
        Assert.Contains("approvals are closed", (string?)described["cause"], StringComparison.Ordinal);
    }
}
