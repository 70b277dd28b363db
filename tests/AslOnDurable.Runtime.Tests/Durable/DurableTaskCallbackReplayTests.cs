using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using DurableTask.Core;
using DurableTask.Core.History;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// <c>.waitForTaskToken</c> on the replay driver: callbacks arrive as external events at chosen virtual times, so
/// heartbeat and timeout races are exact and cost no real time; every recorded episode must replay to the same actions.
/// </summary>
public sealed class DurableTaskCallbackReplayTests
{
    private const string InstanceId = "callback-1";

    private static string Definition(string timing) => """
        {"StartAt":"Wait","States":{
          "Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
            "Parameters":{"FunctionName":"worker","Payload":{"token.$":"$$.Task.Token"}},TIMING
            "ResultPath":"$.answer",
            "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Caught"}],"End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """.Replace("TIMING", timing, StringComparison.Ordinal);

    private static string Input(string definition) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, new JsonObject { ["n"] = 1 }) { ExecutionName = InstanceId });

    private static ScheduledEvent At(double seconds, CallbackTaskHandler tasks, TaskCallbackEvent callback) =>
        new(TimeSpan.FromSeconds(seconds), () =>
        {
            Assert.True(TaskToken.TryParse(tasks.Tokens[^1], out string instance, out Guid id));
            Assert.Equal(InstanceId, instance);
            return (TaskToken.EventName(id), DurableJson.Serialize(callback));
        });

    private static TaskCallbackEvent Heartbeat => new(PayloadVersion.Current, TaskCallbackKinds.Heartbeat);

    private static async Task<(DrivenRun Run, JsonNode Output)> RunAsync(string timing, CallbackTaskHandler tasks, params Func<CallbackTaskHandler, ScheduledEvent>[] events)
    {
        DrivenRun run = await new ReplayDriver(tasks, events: [.. events.Select(e => e(tasks))]).RunAsync(InstanceId, Input(Definition(timing)), new ExecutionPlanCache());
        Assert.Equal(OrchestrationStatus.Completed, run.Status);
        StateMachineOutput output = DurableJson.Deserialize<StateMachineOutput>(run.Output!);
        StateMachineOrchestratorReplayTests.AssertEveryEpisodeReplays(run.History);
        return (run, output.Output!);
    }

    private static DateTime LastEpisode(DrivenRun run) => run.History.OfType<OrchestratorStartedEvent>().Last().Timestamp;

    [Fact]
    public async Task Callback_SuccessAfterHeartbeats_OutputIsTheTaskResult()
    {
        CallbackTaskHandler tasks = new();

        (DrivenRun run, JsonNode output) = await RunAsync(
            "\"HeartbeatSeconds\":2,\"TimeoutSeconds\":60,",
            tasks,
            t => At(1, t, Heartbeat),
            t => At(2.5, t, Heartbeat),
            t => At(4, t, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Success) { Output = """{"done":[1,2]}""" }));

        Assert.Equal("""{"n":1,"answer":{"done":[1,2]}}""", output.ToJsonString());
        Assert.Contains(run.History, e => e is EventRaisedEvent);
        Assert.Equal(ReplayDriver.Start.AddSeconds(4), LastEpisode(run));
    }

    [Fact]
    public async Task Callback_HeartbeatsStop_HeartbeatTimeoutTwoSecondsAfterTheLast()
    {
        CallbackTaskHandler tasks = new();

        (DrivenRun run, JsonNode output) = await RunAsync(
            "\"HeartbeatSeconds\":2,",
            tasks,
            t => At(1, t, Heartbeat),
            t => At(2, t, Heartbeat),
            t => At(3, t, Heartbeat));

        Assert.Equal("States.HeartbeatTimeout", output["error"]!["Error"]!.GetValue<string>());
        Assert.Equal(ReplayDriver.Start.AddSeconds(5), LastEpisode(run));
    }

    [Fact]
    public async Task Callback_HeartbeatsKeepComing_TimeoutSecondsStillEndsTheTask()
    {
        CallbackTaskHandler tasks = new();

        (DrivenRun run, JsonNode output) = await RunAsync(
            "\"HeartbeatSeconds\":2,\"TimeoutSeconds\":4,",
            tasks,
            t => At(1, t, Heartbeat),
            t => At(2, t, Heartbeat),
            t => At(3, t, Heartbeat),
            t => At(3.5, t, Heartbeat));

        Assert.Equal("States.Timeout", output["error"]!["Error"]!.GetValue<string>());
        Assert.Equal(ReplayDriver.Start.AddSeconds(4), LastEpisode(run));
    }

    [Fact]
    public async Task Callback_Failure_CatcherGetsErrorAndCause()
    {
        CallbackTaskHandler tasks = new();

        (_, JsonNode output) = await RunAsync(
            "\"TimeoutSeconds\":30,",
            tasks,
            t => At(1, t, new TaskCallbackEvent(PayloadVersion.Current, TaskCallbackKinds.Failure) { Error = "Worker.Refused", Cause = "no stock" }));

        Assert.Equal("""{"Error":"Worker.Refused","Cause":"no stock"}""", output["error"]!.ToJsonString());
    }
}
