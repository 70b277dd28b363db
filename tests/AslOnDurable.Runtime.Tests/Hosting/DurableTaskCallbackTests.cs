using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Durable;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// <c>.waitForTaskToken</c> end to end on the self-host: the task's worker keeps the token, the test answers through
/// <see cref="TaskCallbacks"/> while the execution waits.
/// </summary>
public sealed class DurableTaskCallbackTests : IAsyncLifetime
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly CallbackTaskHandler tasks = new();
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(tasks, new ExecutionPlanCache()), NullLoggerFactory.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    private static string Definition(string timing = "") => """
        {"StartAt":"Wait","States":{
          "Wait":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters":{"QueueUrl":"q","MessageBody":{"token.$":"$$.Task.Token"}},TIMING
            "ResultSelector":{"got.$":"$.value"},"ResultPath":"$.answer",
            "Catch":[{"ErrorEquals":["Worker.Refused","States.Timeout"],"ResultPath":"$.error","Next":"Caught"}],"Next":"After"},
          "After":{"Type":"Pass","End":true},
          "Caught":{"Type":"Pass","End":true}}}
        """.Replace("TIMING", timing, StringComparison.Ordinal);

    private Task<ExecutionResult> StartAsync(string name, string definition, CancellationToken cancellationToken) =>
        DurableStateMachineRunner.RunOnAsync(host.Client, definition, new JsonObject { ["order"] = 7 }, new DurableRunOptions { ExecutionName = name }, cancellationToken);

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    [Fact]
    public async Task SendTaskSuccess_WaitingTask_OutputGoesThroughResultSelectorAndResultPath()
    {
        using CancellationTokenSource cts = new(Budget);
        string name = Unique("success");
        Task<ExecutionResult> run = StartAsync(name, Definition(), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);

        await new TaskCallbacks(host.Client).SendTaskSuccessAsync(token, """{"value":"shipped"}""", cts.Token);
        ExecutionResult result = await run;

        Assert.True(TaskToken.TryParse(token, out string instance, out _));
        Assert.Equal(name, instance);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"order":7,"answer":{"got":"shipped"}}""", result.Output!.ToJsonString());
    }

    [Fact]
    public async Task SendTaskFailure_MatchingCatcher_ExecutionGoesOnWithTheError()
    {
        using CancellationTokenSource cts = new(Budget);
        Task<ExecutionResult> run = StartAsync(Unique("failure"), Definition(), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);

        await new TaskCallbacks(host.Client).SendTaskFailureAsync(token, "Worker.Refused", "out of stock", cts.Token);
        ExecutionResult result = await run;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"Error":"Worker.Refused","Cause":"out of stock"}""", result.Output!["error"]!.ToJsonString());
    }

    [Fact]
    public async Task SendTaskFailure_NoCatcherMatches_ExecutionFailsWithTheError()
    {
        using CancellationTokenSource cts = new(Budget);
        Task<ExecutionResult> run = StartAsync(Unique("uncaught"), Definition(), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);

        await new TaskCallbacks(host.Client).SendTaskFailureAsync(token, "Worker.Broke", null, cts.Token);
        ExecutionResult result = await run;

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(new AslError("Worker.Broke", null), result.Error);
    }

    [Fact]
    public async Task NoCallback_TimeoutSecondsPasses_StatesTimeoutIsCaught()
    {
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await StartAsync(Unique("timeout"), Definition("\"TimeoutSeconds\":1,"), cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(StatesErrorNames.Timeout, result.Output!["error"]!["Error"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendTaskSuccess_Twice_SecondIsRefusedOnceTheExecutionHasEnded()
    {
        using CancellationTokenSource cts = new(Budget);
        Task<ExecutionResult> run = StartAsync(Unique("twice"), Definition(), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);
        TaskCallbacks callbacks = new(host.Client);

        await callbacks.SendTaskSuccessAsync(token, """{"value":1}""", cts.Token);
        ExecutionResult result = await run;
        TaskCallbackException second = await Assert.ThrowsAsync<TaskCallbackException>(() => callbacks.SendTaskSuccessAsync(token, """{"value":2}""", cts.Token));

        Assert.Equal("""{"got":1}""", result.Output!["answer"]!.ToJsonString());
        Assert.Equal("TaskTimedOut", second.ErrorType);
    }

    [Fact]
    public async Task SendTaskHeartbeat_WaitingTask_IsAcceptedAndTheTaskStillWaits()
    {
        using CancellationTokenSource cts = new(Budget);
        Task<ExecutionResult> run = StartAsync(Unique("heartbeat"), Definition("\"HeartbeatSeconds\":60,"), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);
        TaskCallbacks callbacks = new(host.Client);

        await callbacks.SendTaskHeartbeatAsync(token, cts.Token);
        await callbacks.SendTaskHeartbeatAsync(token, cts.Token);
        bool endedEarly = run.IsCompleted;
        await callbacks.SendTaskSuccessAsync(token, """{"value":"late"}""", cts.Token);
        ExecutionResult result = await run;

        Assert.False(endedEarly);
        Assert.Equal("""{"got":"late"}""", result.Output!["answer"]!.ToJsonString());
    }

    [Fact]
    public async Task SendTaskHeartbeat_ThenSilence_ExecutionFailsWithHeartbeatTimeout()
    {
        using CancellationTokenSource cts = new(Budget);
        Task<ExecutionResult> run = StartAsync(Unique("silent"), Definition("\"HeartbeatSeconds\":2,"), cts.Token);
        string token = await tasks.NextTokenAsync(cts.Token);

        await new TaskCallbacks(host.Client).SendTaskHeartbeatAsync(token, cts.Token);
        ExecutionResult result = await run;

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.HeartbeatTimeout, result.Error?.Error);
    }

    [Fact]
    public async Task Callbacks_InvalidTokenOrUnknownExecution_AreRefusedWithAwsErrors()
    {
        TaskCallbacks callbacks = new(host.Client);

        TaskCallbackException invalid = await Assert.ThrowsAsync<TaskCallbackException>(() => callbacks.SendTaskSuccessAsync("not-a-token!", "{}", CancellationToken.None));
        TaskCallbackException missing = await Assert.ThrowsAsync<TaskCallbackException>(
            () => callbacks.SendTaskHeartbeatAsync(TaskToken.Create(Unique("nobody"), Guid.NewGuid()), CancellationToken.None));

        Assert.Equal("InvalidToken", invalid.ErrorType);
        Assert.Equal("TaskDoesNotExist", missing.ErrorType);
    }
}
