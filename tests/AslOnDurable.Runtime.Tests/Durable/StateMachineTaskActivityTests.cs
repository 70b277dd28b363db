using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class StateMachineTaskActivityTests
{
    private static Task<TaskActivityResult> RunAsync(string function, JsonNode? input = null, int retryCount = 0) =>
        RunAsync(new TestTaskHandler(), function, input, retryCount);

    private static async Task<TaskActivityResult> RunAsync(ITaskHandler tasks, string function, JsonNode? input, int retryCount)
    {
        string request = DurableJson.Serialize(new TaskActivityInput(
            PayloadVersion.Current, "State", "arn:aws:lambda:us-east-1:123456789012:function:" + function, input, retryCount, "arn:execution"));
        return DurableJson.Deserialize<TaskActivityResult>(await StateMachineTaskActivity.RunAsync(tasks, request));
    }

    [Fact]
    public async Task Run_HandlerSucceeds_ReturnsOutput()
    {
        TaskActivityResult result = await RunAsync("Add", JsonNode.Parse("""{"a":1,"b":2}"""));

        Assert.Equal(TaskActivityOutcomes.Succeeded, result.Outcome);
        Assert.Equal("""{"sum":3,"odd":true}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task Run_HandlerSeesRetryCount()
    {
        TaskActivityResult result = await RunAsync("FlakyOnce", null, retryCount: 1);

        Assert.Equal("""{"attempts":2}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task Run_HandlerFails_ReturnsErrorAndCause()
    {
        TaskActivityResult result = await RunAsync("AlwaysFail");

        Assert.Equal((TaskActivityOutcomes.Failed, "Custom.Error", "it broke"), (result.Outcome, result.Error, result.Cause));
    }

    [Fact]
    public async Task Run_HandlerThrowsAslError_ReturnsThrown()
    {
        TaskActivityResult result = await RunAsync("Throw");

        Assert.Equal((TaskActivityOutcomes.Thrown, "Custom.Thrown", "thrown cause"), (result.Outcome, result.Error, result.Cause));
    }

    [Fact]
    public async Task Run_HandlerThrowsOtherException_ReturnsCrashedWithMessage()
    {
        TaskActivityResult result = await RunAsync("Crash");

        Assert.Equal((TaskActivityOutcomes.Crashed, "handler crashed"), (result.Outcome, result.Cause));
    }

    [Fact]
    public async Task Run_NoHandlerForResource_ReturnsTheRegistryFailure()
    {
        TaskActivityResult result = await RunAsync(TaskHandlerRegistry.Empty, "Anything", null, 0);

        Assert.Equal(("failed", "States.Runtime"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task Run_HandlerTimedOut_ReturnsTimedOut()
    {
        Mock<ITaskHandler> tasks = new();
        tasks.Setup(t => t.InvokeAsync(It.IsAny<TaskInvocation>())).ReturnsAsync(TaskOutcome.TimedOut(heartbeat: true));

        TaskActivityResult result = await RunAsync(tasks.Object, "Any", null, 0);

        Assert.Equal((TaskActivityOutcomes.TimedOut, "States.HeartbeatTimeout"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task Run_TaskToken_ReachesTheHandler()
    {
        Mock<ITaskHandler> tasks = new();
        tasks.Setup(t => t.InvokeAsync(It.Is<TaskInvocation>(i => i.TaskToken == "tok" && i.TimeoutSeconds == 30)))
            .ReturnsAsync(TaskOutcome.Success(JsonValue.Create("called back")));
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "S", "arn:aws:states:::sqs:sendMessage.waitForTaskToken", null, 0, "e")
        {
            TaskToken = "tok",
            TimeoutSeconds = 30,
        });

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await StateMachineTaskActivity.RunAsync(tasks.Object, request));

        Assert.Equal("\"called back\"", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task Run_HandlerNeverAnswersPastTimeoutSeconds_ReturnsTimedOutAndSignalsAbandoned()
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        NeverAnswers handler = new();
        Task<string> running = StateMachineTaskActivity.RunAsync(handler, Request(timeoutSeconds: 3), time);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(running.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await running.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal((TaskActivityOutcomes.TimedOut, "States.Timeout"), (result.Outcome, result.Error));
        Assert.True(handler.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task Run_HandlerNeverAnswersPastTheExecutionDeadline_GivesUpAfterTheGrace()
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        Task<string> running = StateMachineTaskActivity.RunAsync(new NeverAnswers(), Request(secondsLeft: 4), time);
        time.Advance(TimeSpan.FromSeconds(4) + StateMachineTaskActivity.ExecutionDeadlineGrace - TimeSpan.FromMilliseconds(1));
        Assert.False(running.IsCompleted); // the orchestrator's deadline timer ends the execution first

        time.Advance(TimeSpan.FromMilliseconds(1));
        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await running.WaitAsync(TimeSpan.FromSeconds(30)));

        Assert.Equal(TaskActivityOutcomes.TimedOut, result.Outcome);
    }

    [Fact]
    public async Task Run_InstanceDecidedWhileTheHandlerIsHeld_StopsWaitingAndSignalsAbandoned()
    {
        // The Functions app: no closing service answers a decided instance's calls, so the activity watches its instance.
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        NeverAnswers handler = new();
        WatchedInstanceClient instance = new();
        string request = DurableJson.Serialize(DurableJson.Deserialize<TaskActivityInput>(Request()) with { InstanceId = "machine:run-1" });
        Task<string> running = StateMachineTaskActivity.RunAsync(handler, request, time, null, instance);

        time.Advance(StateMachineTaskActivity.WatchInterval);
        Assert.Equal("machine:run-1", await instance.Looked.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(handler.Abandoned.IsCancellationRequested); // still running: keeps waiting

        instance.Custom = WatchedInstanceClient.Finished;
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(30));
        while (!running.IsCompleted)
        {
            time.Advance(StateMachineTaskActivity.WatchInterval);
            await Task.WhenAny(running, Task.Delay(20, budget.Token));
        }

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await running);
        Assert.Equal((TaskActivityOutcomes.Failed, "States.Runtime"), (result.Outcome, result.Error));
        Assert.True(handler.Abandoned.IsCancellationRequested);
    }

    [Fact]
    public async Task Run_WatchedHandlerAnswers_ReturnsItsAnswer()
    {
        WatchedInstanceClient instance = new() { Custom = WatchedInstanceClient.Finished };
        string request = DurableJson.Serialize(new TaskActivityInput(
            PayloadVersion.Current, "State", "arn:aws:lambda:us-east-1:123456789012:function:Echo", JsonValue.Create(1), 0, "arn:execution") { InstanceId = "i" });

        TaskActivityResult result = DurableJson.Deserialize<TaskActivityResult>(await StateMachineTaskActivity.RunAsync(new TestTaskHandler(), request, null, null, instance));

        Assert.Equal(TaskActivityOutcomes.Succeeded, result.Outcome);
        Assert.False(instance.Looked.Reader.TryRead(out _)); // answered at once: nothing asked
    }

    [Fact]
    public async Task Run_InputFromNewerBuild_Throws() =>
        await Assert.ThrowsAsync<NotSupportedException>(() => StateMachineTaskActivity.RunAsync(
            new TestTaskHandler(), DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current + 1, "S", "r", null, 0, "e"))));

    private static string Request(int? timeoutSeconds = null, double? secondsLeft = null) =>
        DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "S", "arn:aws:lambda:us-east-1:123456789012:function:Held", null, 0, "e")
        {
            TimeoutSeconds = timeoutSeconds,
            ExecutionSecondsLeft = secondsLeft,
        });

    /// <summary>A handler that answers only when abandoned (it remembers the clock's signal).</summary>
    private sealed class NeverAnswers : ITaskHandler
    {
        public CancellationToken Abandoned { get; private set; }

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            Abandoned = invocation.Clock!.Abandoned;
            await Task.Delay(Timeout.InfiniteTimeSpan, Abandoned).ContinueWith(_ => { }, TaskScheduler.Default);
            return TaskOutcome.Success(JsonValue.Create("too late"));
        }
    }
}
