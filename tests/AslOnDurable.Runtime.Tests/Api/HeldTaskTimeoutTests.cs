using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// Timeouts on the embedded durable backend while a Task's function has not answered (its handler is held until the
/// test ends): the execution's <c>TimeoutSeconds</c> ends it <c>TIMED_OUT</c> (AWS: <c>ExecutionTimedOut</c>, whatever
/// runs), and the Task's own <c>TimeoutSeconds</c> fails the Task with <c>States.Timeout</c>. The held call's late
/// answer changes nothing.
/// </summary>
public sealed class HeldTaskTimeoutTests : HeldCallHostTests<HeldTaskTimeoutTests.HeldTaskHandler>
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";

    [Fact]
    public Task ExecutionTimeout_WhileATaskIsHeld_EndsTimedOut() => ExecutionTimeoutWhileHeldAsync(Host, Handler);

    [Fact]
    public Task ExecutionTimeout_WhileATaskInAParallelBranchIsHeld_EndsTimedOut() => ExecutionTimeoutWhileHeldAsync(Host, Handler, """
        {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
          {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}}]}}}
        """);

    /// <summary>
    /// An execution (with <paramref name="definition"/>'s states, else one held Task) ends TIMED_OUT at its 2 s deadline
    /// while its Task is held, and stays so once the held call answers (also on Azurite: <see cref="AzureStorageHeldTaskTimeoutTests"/>).
    /// </summary>
    internal static async Task ExecutionTimeoutWhileHeldAsync(RedriveTestHost host, HeldTaskHandler handler, string? definition = null)
    {
        definition ??= """{"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}}""";
        JsonObject timed = JsonNode.Parse(definition.Replace("%FN%", Fn, StringComparison.Ordinal))!.AsObject();
        timed["TimeoutSeconds"] = 2;

        JsonObject arn = await StartHeldAsync(host, handler, "held", timed.ToJsonString());

        Assert.Equal("TIMED_OUT", await host.ClosedStatusAsync(arn));
        await AssertLateAnswerIgnoredAsync(host, handler, arn, "TIMED_OUT", "ExecutionTimedOut");
    }

    [Fact]
    public async Task TaskTimeout_WhileItsCallIsHeld_FailsTheTaskWithStatesTimeout()
    {
        string definition = """
            {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "TimeoutSeconds": 2, "End": true}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);

        JsonObject arn = await StartHeldAsync(Host, Handler, "held-task-timeout", definition);

        Assert.Equal("FAILED", await Host.ClosedStatusAsync(arn));
        Assert.Equal("States.Timeout", (string?)(await Host.DescribeAsync(arn))["error"]);
        await AssertLateAnswerIgnoredAsync(Host, Handler, arn, "FAILED", "ExecutionFailed");
    }

    [Fact]
    public async Task Runner_ExecutionTimeoutWhileATaskIsHeld_ReturnsTimedOut()
    {
        // asl run's path: an execution that needs nothing from outside runs on the in-process driver, not the Host.
        string definition = """
            {"TimeoutSeconds": 2, "StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(definition, new JsonObject(), Handler, new DurableRunOptions(), budget.Token);

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal("States.Timeout", result.Error?.Error);
    }

    private static async Task<JsonObject> StartHeldAsync(RedriveTestHost host, HeldTaskHandler handler, string name, string definition)
    {
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync(name, definition), "r1");
        await handler.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return arn;
    }

    /// <summary>Releases the held call, lets its answer arrive, and checks it changed neither the status nor the history's end.</summary>
    private static async Task AssertLateAnswerIgnoredAsync(RedriveTestHost host, HeldTaskHandler handler, JsonObject arn, string status, string closingEvent)
    {
        handler.Release();
        await host.WaitAsync(arn);
        Assert.Equal(status, await host.StatusAsync(arn));
        string[] types = await host.HistoryTypesAsync(arn);
        Assert.Equal(closingEvent, types[^1]);
        Assert.Single(types, t => t == closingEvent);
        Assert.DoesNotContain("TaskSucceeded", types);
        Assert.DoesNotContain("LambdaFunctionSucceeded", types);
    }

    /// <summary>Every call waits until <see cref="Release"/>, then succeeds; <see cref="Held"/> completes when the first begins.</summary>
    public sealed class HeldTaskHandler : HeldCallHandler
    {
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            Held.TrySetResult();
            await WhenReleased;
            return TaskOutcome.Success(new JsonObject { ["late"] = true });
        }
    }
}
