using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Tests.Parsing;
using AslOnDurable.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Core.Tests.Engine.InMemory;

/// <summary>TimeoutSeconds and HeartbeatSeconds enforced by <see cref="InMemoryExecutionHost"/> over its virtual clock.</summary>
public sealed class InMemoryTaskTimeoutTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TaskTimeout_RunsPastTimeoutSeconds_CaughtAsStatesTimeoutNotTaskFailed()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(30));
            return TaskOutcome.Success(JsonValue.Create("too late"));
        }));
        var history = new ListHistorySink();

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-caught.asl.json"), """{"in":1}""", host, history);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"in":1,"error":{"Error":"States.Timeout"}}""", result.Output);
        Assert.Contains(history.Events, e => e.Type == HistoryEventTypes.TaskTimedOut);
        Assert.DoesNotContain(history.Events, e => e.Type == HistoryEventTypes.TaskFailed);
        Assert.Equal(Start.AddSeconds(5), host.UtcNow);
    }

    [Fact]
    public void TaskTimeout_WithinTimeoutSeconds_Succeeds()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(5));
            return TaskOutcome.Success(JsonValue.Create("done"));
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-caught.asl.json"), "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("done", result.Output!.GetValue<string>());
    }

    [Fact]
    public void TaskTimeout_FirstAttemptTimesOut_RetryOnStatesTimeoutSucceeds()
    {
        var attempts = 0;
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            attempts++;
            await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(attempts == 1 ? 60 : 2));
            return TaskOutcome.Success(JsonValue.Create(attempts));
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-retried.asl.json"), "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2, result.Output!.GetValue<int>());
        Assert.Equal(Start.AddSeconds(5 + 1 + 2), host.UtcNow);
    }

    [Fact]
    public void TaskTimeout_TimeoutSecondsPath_TaskFailedRetrierDoesNotRetryTimeout()
    {
        var attempts = 0;
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            attempts++;
            await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(10));
            return TaskOutcome.Success(null);
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/timeout-uncaught.asl.json"), """{"timeout":3}""", host);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Timeout, result.Error!.Error);
        Assert.Equal(1, attempts);
    }

    [Fact]
    public void TaskHeartbeat_NoHeartbeatWithinHeartbeatSeconds_FailsWithHeartbeatTimeout()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(8));
            invocation.Clock.SendHeartbeat();
            await invocation.Clock.DelayAsync(TimeSpan.FromSeconds(15));
            return TaskOutcome.Success(null);
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/heartbeat.asl.json"), "{}", host);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.HeartbeatTimeout, result.Error!.Error);
        Assert.Equal(Start.AddSeconds(18), host.UtcNow);
    }

    [Fact]
    public void TaskHeartbeat_RegularHeartbeats_RunsPastHeartbeatSeconds()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            for (var i = 0; i < 5; i++)
            {
                await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(9));
                invocation.Clock.SendHeartbeat();
            }

            return TaskOutcome.Success(JsonValue.Create("ok"));
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/heartbeat.asl.json"), "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(Start.AddSeconds(45), host.UtcNow);
    }

    [Fact]
    public void TaskHeartbeat_HeartbeatsButPastTimeoutSeconds_FailsWithStatesTimeout()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            while (true)
            {
                await invocation.Clock!.DelayAsync(TimeSpan.FromSeconds(5));
                invocation.Clock.SendHeartbeat();
            }
        }));

        var result = EngineRun.Run(DefinitionFixtures.Read("task-timeout/heartbeat.asl.json"), "{}", host);

        Assert.Equal(StatesErrorNames.Timeout, result.Error!.Error);
        Assert.Equal(Start.AddSeconds(100), host.UtcNow);
    }

    [Fact]
    public async Task InvokeTaskAsync_HandlerMovesClockItself_PastDeadlineIsTimeout()
    {
        InMemoryExecutionHost? host = null;
        host = VirtualHost(new DelegateHandler(async _ =>
        {
            await host!.WaitUntilAsync(host.UtcNow.AddSeconds(20));
            return TaskOutcome.Success(null);
        }));

        var outcome = await host.InvokeTaskAsync(Invocation(timeout: 10));

        Assert.True(outcome.IsTimeout);
        Assert.Equal(StatesErrorNames.Timeout, outcome.Error!.Error);
    }

    [Fact]
    public async Task InvokeTaskAsync_RealTimeHandlerNeverCompletes_TimesOutWhenClockAdvances()
    {
        var time = new FakeTimeProvider(Start);
        var never = new TaskCompletionSource<TaskOutcome>();
        var host = new InMemoryExecutionHost(time, new DelegateHandler(_ => new ValueTask<TaskOutcome>(never.Task)));

        var pending = host.InvokeTaskAsync(Invocation(timeout: 10)).AsTask();
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));
        var outcome = await pending;

        Assert.True(outcome.IsTimeout);
        Assert.Equal(StatesErrorNames.Timeout, outcome.Error!.Error);
    }

    [Fact]
    public async Task InvokeTaskAsync_NoTimeouts_ClockIsStillProvidedAndUnbounded()
    {
        var host = VirtualHost(new DelegateHandler(async invocation =>
        {
            await invocation.Clock!.DelayAsync(TimeSpan.FromDays(400));
            return TaskOutcome.Success(JsonValue.Create(1));
        }));

        var outcome = await host.InvokeTaskAsync(Invocation(timeout: null));

        Assert.False(outcome.IsFailure);
        Assert.Equal(Start.AddDays(400), host.UtcNow);
    }

    private static InMemoryExecutionHost VirtualHost(ITaskHandler handler) =>
        new(new FakeTimeProvider(Start), handler, new InMemoryHostOptions { SkipWaits = true, RandomSeed = 1 });

    private static TaskInvocation Invocation(int? timeout) =>
        new() { StateName = "T", Resource = "r", ExecutionId = "e", TimeoutSeconds = timeout };

    private sealed class DelegateHandler(Func<TaskInvocation, ValueTask<TaskOutcome>> invoke) : ITaskHandler
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) => invoke(invocation);
    }
}
