using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// An execution whose result is decided while work it no longer needs is still open (AWS stops the other branches of a
/// failed Parallel or Map, and a Wait in an abandoned branch ends with it): on the embedded durable backend it closes at
/// once, though a Task handler in another branch never answers and has no TimeoutSeconds, and that handler's late answer
/// changes neither the status nor the history's end (on Azurite: <see cref="AzureStorageAbandonedWorkTests"/>).
/// </summary>
public sealed class AbandonedWorkTests : HeldCallHostTests<AbandonedWorkTests.HeldOrFailingHandler>
{
    internal const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";

    [Fact]
    public Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeld_ClosesFailedAtOnce() => ParallelFailsWhileHeldAsync(Host, Handler);

    /// <summary>A Parallel whose second branch fails while the first one's Task is held closes FAILED with the branch's error.</summary>
    internal static async Task ParallelFailsWhileHeldAsync(RedriveTestHost host, HeldOrFailingHandler handler)
    {
        JsonObject arn = await StartAsync(host, "par-fail", """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}]}}}
            """);

        await AssertClosedWhileHeldAsync(host, handler, arn, "FAILED", "Boom");
        await AssertLateAnswerIgnoredAsync(host, handler, arn, "FAILED", "ExecutionFailed");
    }

    [Fact]
    public async Task Map_IterationFailsWhileAnotherIterationIsHeld_ClosesFailedAtOnce()
    {
        JsonObject arn = await StartAsync(Host, "map-fail", """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
              "ItemProcessor": {"StartAt": "Which", "States": {
                "Which": {"Type": "Choice", "Choices": [
                  {"Variable": "$.quick", "IsPresent": true, "Next": "Quick"},
                  {"Variable": "$.fail", "BooleanEquals": true, "Next": "Boom"}], "Default": "Held"},
                "Quick": {"Type": "Pass", "End": true},
                "Held": {"Type": "Task", "Resource": "%FN%held", "End": true},
                "Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}}}}
            """, """{"items": [{"fail": false}, {"quick": true}, {"fail": true}]}""");

        await AssertClosedWhileHeldAsync(Host, Handler, arn, "FAILED", "Boom");
        await AssertLateAnswerIgnoredAsync(Host, Handler, arn, "FAILED", "ExecutionFailed");
    }

    [Fact]
    public async Task Parallel_CaughtFailureWhileABranchIsHeld_CatchTakenAtOnceAndTheExecutionSucceeds()
    {
        JsonObject arn = await StartAsync(Host, "par-catch", """
            {"StartAt": "Fan", "States": {
              "Fan": {"Type": "Parallel", "Next": "Unreached", "Branches": [
                {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}],
                "Catch": [{"ErrorEquals": ["Boom"], "ResultPath": "$.caught", "Next": "Handled"}]},
              "Unreached": {"Type": "Fail", "Error": "Unreached"},
              "Handled": {"Type": "Pass", "Result": "handled", "ResultPath": "$.handled", "End": true}}}
            """);

        await AssertClosedWhileHeldAsync(Host, Handler, arn, "SUCCEEDED", null);
        JsonNode output = JsonNode.Parse((string)(await Host.DescribeAsync(arn))["output"]!)!;
        Assert.Equal("handled", (string?)output["handled"]);
        Assert.Equal("Boom", (string?)output["caught"]!["Error"]);
        await AssertLateAnswerIgnoredAsync(Host, Handler, arn, "SUCCEEDED", "ExecutionSucceeded");
    }

    [Fact]
    public async Task Parallel_BranchFailsWhileAnotherBranchWaitsAnHour_ClosesFailedAtOnce()
    {
        JsonObject arn = await StartAsync(Host, "par-wait", """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}},
              {"StartAt": "Fails", "States": {"Fails": {"Type": "Fail", "Error": "Gone", "Cause": "on purpose"}}}]}}}
            """);

        Assert.Equal("FAILED", await Host.ClosedStatusAsync(arn));
        Assert.Equal("Gone", (string?)(await Host.DescribeAsync(arn))["error"]);
        string[] types = await Host.HistoryTypesAsync(arn, "ExecutionFailed");
        Assert.Single(types, t => t == "ExecutionFailed");
        Assert.DoesNotContain("WaitStateExited", types);
    }

    [Fact]
    public async Task Runner_ParallelBranchFailsWhileAnotherBranchsTaskIsHeld_ReturnsFailed()
    {
        // asl run's path: an execution that needs nothing from outside runs on the in-process driver, not the host.
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            definition, new JsonObject(), Handler, new DurableRunOptions(), budget.Token);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Boom", result.Error?.Error);
        Assert.False(Handler.Released);
    }

    private static async Task<JsonObject> StartAsync(RedriveTestHost host, string name, string definition, string input = "{}") =>
        await host.StartAsync(await host.CreateInlineAsync(name, definition.Replace("%FN%", Fn, StringComparison.Ordinal)), "r1", input);

    /// <summary>The execution closed with <paramref name="status"/> (and <paramref name="error"/>) while the held calls still wait.</summary>
    private static async Task AssertClosedWhileHeldAsync(RedriveTestHost host, HeldOrFailingHandler handler, JsonObject arn, string status, string? error)
    {
        Assert.Equal(status, await host.ClosedStatusAsync(arn));
        Assert.Equal(error, (string?)(await host.DescribeAsync(arn))["error"]);
        Assert.False(handler.Released, "the execution closed only once the held call answered");
    }

    /// <summary>Releases the held calls, lets their answers arrive, and checks they changed neither the status nor the history's end.</summary>
    private static async Task AssertLateAnswerIgnoredAsync(RedriveTestHost host, HeldOrFailingHandler handler, JsonObject arn, string status, string closingEvent)
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
    public sealed class HeldOrFailingHandler : HeldCallHandler
    {
        private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            if (invocation.Resource.EndsWith(":boom", StringComparison.Ordinal))
            {
                await held.Task.WaitAsync(TimeSpan.FromSeconds(60));
                return TaskOutcome.Failure(new AslError("Boom", "on purpose"));
            }

            held.TrySetResult();
            await WhenReleased;
            return TaskOutcome.Success(new JsonObject { ["late"] = true });
        }
    }
}
