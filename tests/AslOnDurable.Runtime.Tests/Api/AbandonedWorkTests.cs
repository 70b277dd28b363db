using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// An execution whose result is decided while work it no longer needs is still open (AWS stops the other branches of a
/// failed Parallel or Map, and a Wait in an abandoned branch ends with it): on the embedded durable backend it closes at
/// once, though a Task handler in another branch never answers and has no TimeoutSeconds, and that handler's late answer
/// changes neither the status nor the history's end.
/// </summary>
public sealed class AbandonedWorkTests : IAsyncLifetime
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";
    private readonly HeldOrFailingHandler handler = new();
    private RedriveTestHost host = null!;

    public async Task InitializeAsync() => host = await RedriveTestHost.StartAsync(handler);

    public async Task DisposeAsync()
    {
        handler.Release();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeld_ClosesFailedAtOnce()
    {
        JsonObject arn = await StartAsync("par-fail", """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}]}}}
            """);

        Assert.Equal("FAILED", await ClosedStatusAsync(arn));
        Assert.Equal("Boom", (string?)(await host.DescribeAsync(arn))["error"]);
        Assert.False(handler.Released, "the execution closed only once the held call answered");
        await AssertLateAnswerIgnoredAsync(arn, "FAILED", "ExecutionFailed");
    }

    [Fact]
    public async Task Map_IterationFailsWhileOtherIterationsAreHeld_ClosesFailedAtOnce()
    {
        JsonObject arn = await StartAsync("map-fail", """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {"StartAt": "Which", "States": {
                "Which": {"Type": "Choice", "Choices": [
                  {"Variable": "$.quick", "IsPresent": true, "Next": "Quick"},
                  {"Variable": "$.fail", "BooleanEquals": true, "Next": "Boom"}], "Default": "Held"},
                "Quick": {"Type": "Pass", "End": true},
                "Held": {"Type": "Task", "Resource": "%FN%held", "End": true},
                "Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}}}}
            """, """{"items": [{"fail": false}, {"quick": true}, {"fail": true}]}""");

        Assert.Equal("FAILED", await ClosedStatusAsync(arn));
        Assert.Equal("Boom", (string?)(await host.DescribeAsync(arn))["error"]);
        Assert.False(handler.Released, "the execution closed only once the held calls answered");
        await AssertLateAnswerIgnoredAsync(arn, "FAILED", "ExecutionFailed");
    }

    [Fact]
    public async Task Parallel_CaughtFailureWhileABranchIsHeld_CatchTakenAtOnceAndTheExecutionSucceeds()
    {
        JsonObject arn = await StartAsync("par-catch", """
            {"StartAt": "Fan", "States": {
              "Fan": {"Type": "Parallel", "Next": "Unreached", "Branches": [
                {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}],
                "Catch": [{"ErrorEquals": ["Boom"], "ResultPath": "$.caught", "Next": "Handled"}]},
              "Unreached": {"Type": "Fail", "Error": "Unreached"},
              "Handled": {"Type": "Pass", "Result": "handled", "ResultPath": "$.handled", "End": true}}}
            """);

        Assert.Equal("SUCCEEDED", await ClosedStatusAsync(arn));
        JsonNode output = JsonNode.Parse((string)(await host.DescribeAsync(arn))["output"]!)!;
        Assert.Equal("handled", (string?)output["handled"]);
        Assert.Equal("Boom", (string?)output["caught"]!["Error"]);
        Assert.False(handler.Released, "the execution closed only once the held call answered");
        await AssertLateAnswerIgnoredAsync(arn, "SUCCEEDED", "ExecutionSucceeded");
    }

    [Fact]
    public async Task Parallel_BranchFailsWhileAnotherBranchWaitsAnHour_ClosesFailedAtOnce()
    {
        JsonObject arn = await StartAsync("par-wait", """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}},
              {"StartAt": "Fails", "States": {"Fails": {"Type": "Fail", "Error": "Gone", "Cause": "on purpose"}}}]}}}
            """);

        Assert.Equal("FAILED", await ClosedStatusAsync(arn));
        Assert.Equal("Gone", (string?)(await host.DescribeAsync(arn))["error"]);
        string[] types = await host.HistoryTypesAsync(arn, "ExecutionFailed");
        Assert.Single(types, t => t == "ExecutionFailed");
        Assert.DoesNotContain("WaitStateExited", types);
    }

    private async Task<JsonObject> StartAsync(string name, string definition, string input = "{}")
    {
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync(name, definition.Replace("%FN%", Fn, StringComparison.Ordinal)), "r1", input);
        return arn;
    }

    /// <summary>The execution's status once it has closed; fails after a generous bound (nothing here has a timeout).</summary>
    private async Task<string?> ClosedStatusAsync(JsonObject arn)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));
        while (true)
        {
            string? status = await host.StatusAsync(arn);
            if (status != "RUNNING")
            {
                return status;
            }

            Assert.False(budget.IsCancellationRequested, "the execution is still RUNNING a minute after its result was decided");
            await Task.Delay(100);
        }
    }

    /// <summary>Releases the held calls, lets their answers arrive, and checks they changed neither the status nor the history's end.</summary>
    private async Task AssertLateAnswerIgnoredAsync(JsonObject arn, string status, string closingEvent)
    {
        handler.Release();
        await host.WaitAsync(arn);
        await Task.Delay(500); // the late answers' messages reach the closed instance
        Assert.Equal(status, await host.StatusAsync(arn));
        string[] types = await host.HistoryTypesAsync(arn, closingEvent);
        Assert.True(types.Count(t => t == closingEvent) == 1, string.Join(", ", types));
        Assert.DoesNotContain("LambdaFunctionSucceeded", types);
    }

    /// <summary>
    /// <c>…:held</c> waits until <see cref="Release"/>, then succeeds; <c>…:boom</c> fails with <c>Boom</c> once a held
    /// call has begun (so the failure is decided while it is open).
    /// </summary>
    private sealed class HeldOrFailingHandler : ITaskHandler
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Released => release.Task.IsCompleted;

        public void Release() => release.TrySetResult();

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            if (invocation.Resource.EndsWith(":boom", StringComparison.Ordinal))
            {
                await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
                return TaskOutcome.Failure(new AslError("Boom", "on purpose"));
            }

            held.TrySetResult();
            await release.Task;
            return TaskOutcome.Success(new JsonObject { ["late"] = true });
        }
    }
}
