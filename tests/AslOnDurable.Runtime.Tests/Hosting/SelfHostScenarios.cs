using System.Text.Json;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>End-to-end scenarios shared by the in-memory and Azure Storage backends.</summary>
internal static class SelfHostScenarios
{
    public static DurableTaskCatalog Catalog { get; } = DurableTaskCatalog.Runtime
        .WithOrchestrator(AwaitApprovalOrchestrator.Name, static () => new AwaitApprovalOrchestrator())
        .WithOrchestrator(FailingOrchestrator.Name, static () => new FailingOrchestrator())
        .WithOrchestrator(EchoOrchestrator.Name, static () => new EchoOrchestrator());

    /// <summary>JSON text that Newtonsoft and System.Text.Json escape differently; the text must survive unchanged.</summary>
    public const string TrickyJson = """{"quote":"\"","html":"<a href='x'>&amp;</a>","unicode":"żółw 🐢","big":123456789012345678901234567890,"exp":1E+400,"nested":[null,true,{"k":-0.0}]}""";

    public static async Task PingFanOutAndTimerAsync(IExecutionClient client, int branches, int timerMilliseconds, CancellationToken ct)
    {
        string input = DurableJson.Serialize(new PingInput(branches, timerMilliseconds));
        string id = $"ping-{Guid.NewGuid():N}";

        await client.StartAsync(OrchestratorNames.Ping, id, input, ct);
        ExecutionSnapshot done = await client.WaitForCompletionAsync(id, ct);

        Assert.Equal(ExecutionRuntimeStatus.Completed, done.Status);
        Assert.Equal(OrchestratorNames.Ping, done.Name);
        Assert.Equal(input, done.InputJson);
        PingResult result = DurableJson.Deserialize<PingResult>(done.OutputJson!);
        Assert.Equal(Enumerable.Range(0, branches), result.Replies.Select(r => r.Index));
        Assert.All(result.Replies, r => Assert.Equal($"pong {r.Index}", r.Message));
        Assert.True(result.TimerDueAt >= result.StartedAt.AddMilliseconds(timerMilliseconds));
        Assert.True(result.TimerFiredAt >= result.TimerDueAt, $"the durable wait ended early: due {result.TimerDueAt:O}, ended {result.TimerFiredAt:O}");
    }

    public static async Task EchoAsync(IExecutionClient client, CancellationToken ct)
    {
        string id = $"echo-{Guid.NewGuid():N}";
        await client.StartAsync(EchoOrchestrator.Name, id, TrickyJson, ct);

        ExecutionSnapshot done = await client.WaitForCompletionAsync(id, ct);

        Assert.Equal(ExecutionRuntimeStatus.Completed, done.Status);
        Assert.Equal(TrickyJson, done.InputJson);
        Assert.Equal(TrickyJson, done.OutputJson);
    }

    public static async Task RaiseEventAsync(IExecutionClient client, CancellationToken ct)
    {
        string id = $"approve-{Guid.NewGuid():N}";
        await client.StartAsync(AwaitApprovalOrchestrator.Name, id, "{}", ct);

        await client.RaiseEventAsync(id, "approve", """{"approved":true,"by":"ana"}""", ct);
        ExecutionSnapshot done = await client.WaitForCompletionAsync(id, ct);

        Assert.Equal(ExecutionRuntimeStatus.Completed, done.Status);
        using JsonDocument output = JsonDocument.Parse(done.OutputJson!);
        Assert.True(output.RootElement.GetProperty("approved").GetBoolean());
        Assert.Equal("ana", output.RootElement.GetProperty("by").GetString());
    }

    public static async Task TerminateAsync(IExecutionClient client, CancellationToken ct)
    {
        string id = $"terminate-{Guid.NewGuid():N}";
        await client.StartAsync(AwaitApprovalOrchestrator.Name, id, "{}", ct);

        await client.TerminateAsync(id, "stopped by test", ct);
        ExecutionSnapshot done = await client.WaitForCompletionAsync(id, ct);

        Assert.Equal(ExecutionRuntimeStatus.Terminated, done.Status);
        Assert.Null(done.OutputJson);
    }

    public static async Task FailureAsync(IExecutionClient client, CancellationToken ct)
    {
        string id = $"fail-{Guid.NewGuid():N}";
        await client.StartAsync(FailingOrchestrator.Name, id, "{}", ct);

        ExecutionSnapshot done = await client.WaitForCompletionAsync(id, ct);

        Assert.Equal(ExecutionRuntimeStatus.Failed, done.Status);
        Assert.NotNull(done.Failure);
        Assert.Contains("boom", done.Failure.Message, StringComparison.Ordinal);
    }
}
