using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;
using Moq;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class DurableExecutionHostTests
{
    private static readonly DateTime Now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly Mock<TaskOrchestrationContext> context = new();

    public DurableExecutionHostTests()
    {
        context.SetupGet(c => c.InstanceId).Returns("instance-1");
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now);
    }

    private static TaskInvocation Invocation(int? timeoutSeconds = null) => new()
    {
        StateName = "Call",
        Resource = "arn:aws:lambda:us-east-1:123456789012:function:F",
        Input = new JsonObject { ["big"] = JsonNode.Parse("123456789012345678901234567890") },
        ExecutionId = "arn:aws:states:us-east-1:123456789012:execution:m:e",
        RetryCount = 2,
        TimeoutSeconds = timeoutSeconds,
    };

    private void ActivityReturns(TaskActivityResult result) =>
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ReturnsAsync(DurableJson.Serialize(result));

    [Fact]
    public void NextRandom_SameInstanceId_SameSequenceInUnitInterval()
    {
        DurableExecutionHost first = new(context.Object);
        DurableExecutionHost second = new(context.Object);

        double[] a = [.. Enumerable.Range(0, 100).Select(_ => first.NextRandom())];
        double[] b = [.. Enumerable.Range(0, 100).Select(_ => second.NextRandom())];

        Assert.Equal(a, b);
        Assert.All(a, x => Assert.InRange(x, 0.0, 0.9999999999999999));
        Assert.True(a.Distinct().Count() > 95);
    }

    [Fact]
    public void UtcNowAndNewGuid_ComeFromTheContext()
    {
        Guid id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        context.Setup(c => c.NewGuid()).Returns(id);
        DurableExecutionHost host = new(context.Object);

        Assert.Equal(new DateTimeOffset(Now), host.UtcNow);
        Assert.Equal(id, host.NewGuid());
    }

    [Fact]
    public async Task InvokeTask_Succeeded_PassesInvocationAndReturnsOutputExactly()
    {
        object? sent = null;
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => sent = input)
            .ReturnsAsync(DurableJson.Serialize(new TaskActivityResult(1, TaskActivityOutcomes.Succeeded) { Output = JsonNode.Parse("""{"n":1E+400}""") }));

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation());

        Assert.Equal("""{"n":1E+400}""", outcome.Result!.ToJsonString());
        TaskActivityInput request = DurableJson.Deserialize<TaskActivityInput>((string)sent!);
        Assert.Equal(("Call", 2, """{"big":123456789012345678901234567890}"""), (request.StateName, request.RetryCount, request.Input!.ToJsonString()));
    }

    [Theory]
    [InlineData(true, "instance-1")]
    [InlineData(false, null)]
    public async Task InvokeTask_InstanceIdSentOnlyWhereTheOrchestratorClosesItsOpenWork(bool closesOpenChildren, string? expected)
    {
        object? sent = null;
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => sent = input)
            .ReturnsAsync(DurableJson.Serialize(new TaskActivityResult(1, TaskActivityOutcomes.Succeeded) { Output = JsonNode.Parse("1") }));

        _ = await new DurableExecutionHost(context.Object) { ClosesOpenChildren = closesOpenChildren }.InvokeTaskAsync(Invocation());

        Assert.Equal(expected, DurableJson.Deserialize<TaskActivityInput>((string)sent!).InstanceId);
    }

    [Fact]
    public async Task InvokeTask_WhileReplaying_SchedulesWithoutBuildingTheInputAndStillReadsTheResult()
    {
        // A replayed call is already in history with its input: DurableTask.Core matches it by id and name only.
        object? sent = null;
        context.SetupGet(c => c.IsReplaying).Returns(true);
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback((TaskName _, object? input, TaskOptions? _) => sent = input)
            .ReturnsAsync(DurableJson.Serialize(new TaskActivityResult(1, TaskActivityOutcomes.Succeeded) { Output = JsonNode.Parse("[1,2]") }));

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation());

        Assert.Equal(string.Empty, sent);
        Assert.Equal("[1,2]", outcome.Result!.ToJsonString());
    }

    [Fact]
    public async Task InvokeTask_HandlerFailedWithoutCause_ReturnsErrorAndNullCause()
    {
        ActivityReturns(new TaskActivityResult(1, TaskActivityOutcomes.Failed) { Error = "Custom.Error" });

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation());

        Assert.Equal(new AslError("Custom.Error", null), outcome.Error);
    }

    [Theory]
    [InlineData(StatesErrorNames.Timeout)]
    [InlineData(StatesErrorNames.HeartbeatTimeout)]
    public async Task InvokeTask_HandlerTimedOut_ReturnsATimeoutOutcome(string error)
    {
        ActivityReturns(new TaskActivityResult(1, TaskActivityOutcomes.TimedOut) { Error = error });

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation());

        Assert.True(outcome.IsTimeout);
        Assert.Equal(new AslError(error, null), outcome.Error);
    }

    [Fact]
    public async Task InvokeTask_HandlerThrewAslError_RethrowsItForTheEngine()
    {
        ActivityReturns(new TaskActivityResult(1, TaskActivityOutcomes.Thrown) { Error = "Custom.Thrown", Cause = "why" });

        AslErrorException e = await Assert.ThrowsAsync<AslErrorException>(async () => await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation()));

        Assert.Equal(new AslError("Custom.Thrown", "why"), e.Error);
    }

    [Fact]
    public async Task InvokeTask_HandlerCrashed_ThrowsWithTheSameMessage()
    {
        ActivityReturns(new TaskActivityResult(1, TaskActivityOutcomes.Crashed) { Cause = "handler crashed" });

        TaskHandlerCrashedException e = await Assert.ThrowsAsync<TaskHandlerCrashedException>(async () => await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation()));

        Assert.Equal("handler crashed", e.Message);
    }

    [Fact]
    public async Task InvokeTask_ActivityItselfFailed_MapsFailureDetailsToStatesTaskFailed()
    {
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .ThrowsAsync(new TaskFailedException(ActivityNames.StateMachineTask, 7, new TaskFailureDetails("System.IO.IOException", "disk gone", null, null, null)));

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation());

        Assert.Equal(new AslError(StatesErrorNames.TaskFailed, "System.IO.IOException: disk gone"), outcome.Error);
    }

    [Fact]
    public async Task InvokeTask_TimeoutSecondsAndTimerFirst_FailsWithStatesTimeout()
    {
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.StateMachineTask), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns(new TaskCompletionSource<string>().Task);
        context.Setup(c => c.CreateTimer(Now.AddSeconds(5), It.IsAny<CancellationToken>()))
            .Callback(() => context.SetupGet(c => c.CurrentUtcDateTime).Returns(Now.AddSeconds(5)))
            .Returns(Task.CompletedTask);

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation(timeoutSeconds: 5));

        Assert.Equal(new AslError(StatesErrorNames.Timeout, null), outcome.Error);
        Assert.True(outcome.IsTimeout);
    }

    [Fact]
    public async Task InvokeTask_TimeoutSecondsAndActivityFirst_CancelsTheTimer()
    {
        CancellationToken timerToken = default;
        ActivityReturns(new TaskActivityResult(1, TaskActivityOutcomes.Succeeded));
        context.Setup(c => c.CreateTimer(Now.AddSeconds(5), It.IsAny<CancellationToken>()))
            .Callback((DateTime _, CancellationToken token) => timerToken = token)
            .Returns(new TaskCompletionSource().Task);

        TaskOutcome outcome = await new DurableExecutionHost(context.Object).InvokeTaskAsync(Invocation(timeoutSeconds: 5));

        Assert.False(outcome.IsFailure);
        Assert.True(timerToken.IsCancellationRequested);
    }
}
