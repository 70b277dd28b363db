using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// RedriveExecution of Parallel and inline Map states on the embedded durable backend: only the branches/iterations that
/// did not succeed run again (from their unsuccessful step), the others' outputs are kept in order; Task calls are counted
/// per function and input (the first call of <c>…:flaky</c> with each input fails).
/// </summary>
public sealed class PartialRedriveTests : IAsyncLifetime
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";
    private readonly FlakyTaskHandler handler = new(only: "flaky", perInput: true);
    private readonly HoldUntilReleased holding;
    private RedriveTestHost host = null!;

    public PartialRedriveTests() => holding = new HoldUntilReleased(handler);

    public async Task InitializeAsync() => host = await RedriveTestHost.StartAsync(holding);

    public async Task DisposeAsync()
    {
        holding.Release();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Redrive_Parallel_RunsOnlyTheFailedBranch_KeepsOrder()
    {
        // B's Gate holds until A has exited, so A's success is recorded before B fails (a branch still running when the
        // execution fails records nothing after the closing event, and would run again).
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "Parameters": {"b": "a"}, "End": true}}},
              {"StartAt": "Gate", "States": {
                "Gate": {"Type": "Task", "Resource": "%FN%hold", "Next": "B"},
                "B": {"Type": "Task", "Resource": "%FN%flaky", "Parameters": {"b": "b"}, "End": true}}},
              {"StartAt": "C", "States": {"C": {"Type": "Pass", "Result": "c", "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunGatedAsync("partial-parallel", definition);

        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(1, handler.Calls("ok"));
        Assert.Equal(2, handler.Calls("flaky"));
        Assert.Equal(0, handler.Calls("hold")); // the Gate's only call was held (not passed on), and not run again
        JsonObject described = await host.DescribeAsync(arn);
        Assert.Equal("""[{"b":"a","attempt":1},{"b":"b","attempt":2},"c"]""", (string?)described["output"]);
        string[] types = await TypesAsync(arn);
        int redriven = Array.IndexOf(types, "ExecutionRedriven");
        Assert.Equal("ExecutionFailed", types[redriven - 1]);
        Assert.Equal(1, types.Skip(redriven).Count(t => t == "LambdaFunctionScheduled")); // only B scheduled again
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public Task Redrive_InlineMap_RunsOnlyUnsuccessfulIterations_TwoRedrives() => InlineMapTwoRedrivesAsync(host, handler);

    /// <summary>
    /// An inline Map redriven twice runs each iteration until it succeeds and never again (also on Azurite:
    /// <see cref="AzureStorageRedriveTests"/>). <paramref name="handler"/> fails the first call of <c>…:flaky</c> per input.
    /// </summary>
    internal static async Task InlineMapTwoRedrivesAsync(RedriveTestHost host, FlakyTaskHandler handler)
    {
        // MaxConcurrency 1: iteration 1 fails, 2 and 3 never start; the first redrive keeps 0, reruns 1, runs 2, and 3
        // fails (its first call); the second redrive keeps 0-2 and reruns 3.
        string definition = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
              "ItemSelector": {"n.$": "$$.Map.Item.Value"},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Odd", "States": {
                "Odd": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericEquals": 1, "Next": "Flaky"}, {"Variable": "$.n", "NumericEquals": 3, "Next": "Flaky"}], "Default": "Ok"},
                "Flaky": {"Type": "Task", "Resource": "%FN%flaky", "End": true},
                "Ok": {"Type": "Task", "Resource": "%FN%ok", "End": true}}}}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await host.RunAsync(await host.CreateInlineAsync("partial-map", definition), "r1", "[0,1,2,3]");
        Assert.Equal("FAILED", await host.StatusAsync(arn));

        await host.RedriveAsync(arn, "FAILED");
        await host.RedriveAsync(arn, "SUCCEEDED");

        // Iteration 0 ran once, in the original run (kept by both redrives); 2 ran once, in the first redrive.
        Assert.Equal(2, handler.Calls("ok"));
        Assert.Equal(4, handler.Calls("flaky"));
        JsonObject described = await host.DescribeAsync(arn);
        Assert.Equal(2, (int)described["redriveCount"]!);
        JsonArray output = JsonNode.Parse((string)described["output"]!)!.AsArray();
        Assert.Equal([0, 1, 2, 3], output.Select(o => (int)o!["n"]!));
        Assert.Equal([1, 2, 1, 2], output.Select(o => (int)o!["attempt"]!));
        string[] types = await host.HistoryTypesAsync(arn);
        int last = Array.LastIndexOf(types, "ExecutionRedriven");
        Assert.Equal(1, types.Skip(last).Count(t => t == "MapIterationStarted"));
        Assert.Equal(2, types.Count(t => t == "ExecutionRedriven"));
    }

    [Fact]
    public async Task Redrive_InlineMapTwoOfTenFail_RunsOnlyThoseTwo_OutputAsACleanRun()
    {
        // Items 8 and 9 pass a held Gate first, so all eight others have exited before either fails the Map (the
        // iterations' tasks are scheduled in item order: the two Gates, which hold their activity slots until released,
        // are the last, so the other eight run whatever the host's number of activity slots). Work fails in the original
        // run (`…:firstrun` with r 0) and succeeds on the redrive, however far the second failing item got before the
        // execution failed (its Gate's or Work's outcome may come after the closing event, and then it runs again).
        string definition = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "End": true,
              "ItemSelector": {"n.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Pick", "States": {
                "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThanEquals": 8, "Next": "Gate"}], "Default": "Ok"},
                "Gate": {"Type": "Task", "Resource": "%FN%gate", "ResultPath": null, "Next": "Work"},
                "Work": {"Type": "Task", "Resource": "%FN%firstrun", "End": true,
                  "Parameters": {"n.$": "$.n", "i.$": "$.i", "r.$": "$$.Execution.RedriveCount"},
                  "ResultSelector": {"n.$": "$.n", "i.$": "$.i", "attempt.$": "$.attempt", "redrives.$": "$$.Execution.RedriveCount"}},
                "Ok": {"Type": "Task", "Resource": "%FN%ok", "End": true,
                  "ResultSelector": {"n.$": "$.n", "i.$": "$.i", "attempt.$": "$.attempt", "redrives.$": "$$.Execution.RedriveCount"}}}}}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync("partial-map-ten", definition), "r1", "[0,1,2,3,4,5,6,7,8,9]");
        await WaitForExitAsync(arn, "Ok", count: 8);
        holding.Release();
        await host.WaitAsync(arn);
        Assert.Equal("FAILED", await host.StatusAsync(arn));

        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(8, handler.Calls("ok")); // every succeeded iteration's task ran once, in the original run
        Assert.Equal(2, handler.Calls("firstrun")); // the successful calls: items 8 and 9, on the redrive
        JsonArray output = JsonNode.Parse((string)(await host.DescribeAsync(arn))["output"]!)!.AsArray();
        Assert.Equal(Enumerable.Range(0, 10), output.Select(o => (int)o!["n"]!));
        Assert.Equal(Enumerable.Range(0, 10), output.Select(o => (int)o!["i"]!));
        Assert.All(output, o => Assert.Equal(1, (int)o!["attempt"]!));
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 0, 1, 1], output.Select(o => (int)o!["redrives"]!));
        JsonArray events = await host.EventsAsync(arn);
        string[] types = RedriveTestHost.Types(events);
        int redriven = Array.IndexOf(types, "ExecutionRedriven");
        Assert.Equal("ExecutionFailed", types[redriven - 1]);
        Assert.Equal(
            ["MapStateEntered", "MapStateStarted", "MapIterationStarted", "MapIterationStarted"],
            types.Skip(redriven + 1).Where(t => t.StartsWith("Map", StringComparison.Ordinal)).Take(4));
        Assert.Equal(2, types.Skip(redriven).Count(t => t == "MapIterationSucceeded"));
        string[] entered = [.. events.Skip(redriven).Select(e => (string?)e!["stateEnteredEventDetails"]?["name"]).OfType<string>()];
        Assert.Equal("Each", entered[0]);
        Assert.Equal(2, entered.Count(n => n == "Work"));
        Assert.All(entered.Skip(1), n => Assert.Contains(n, (string[])["Gate", "Work"])); // never Pick or Ok again
        Assert.Equal(
            [8, 9],
            events.Skip(redriven).Where(e => (string?)e!["type"] == "MapIterationStarted").Select(e => (int)e!["mapIterationStartedEventDetails"]!["index"]!).Order());
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public async Task Redrive_ParallelInsideMapIteration_ResumesAtTheParallel_WithIterationVariables()
    {
        string definition = """
            {"StartAt": "Each", "States": {"Each": {"Type": "Map", "MaxConcurrency": 1, "End": true,
              "ItemSelector": {"n.$": "$$.Map.Item.Value"},
              "ItemProcessor": {"ProcessorConfig": {"Mode": "INLINE"}, "StartAt": "Pre", "States": {
                "Pre": {"Type": "Task", "Resource": "%FN%pre", "Assign": {"seen.$": "$.n"}, "Next": "Both"},
                "Both": {"Type": "Parallel", "Next": "Post", "Branches": [
                  {"StartAt": "Left", "States": {"Left": {"Type": "Pass", "Result": "left", "End": true}}},
                  {"StartAt": "Right", "States": {"Right": {"Type": "Task", "Resource": "%FN%flaky", "End": true}}}]},
                "Post": {"Type": "Pass", "Parameters": {"seen.$": "$seen", "right.$": "$[1].attempt"}, "End": true}}}}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunAsync("partial-nested", definition, "FAILED", "[1,2]");

        await RedriveAsync(arn, "FAILED");
        await RedriveAsync(arn, "SUCCEEDED");

        // Left is a Pass state: it exits as the Parallel starts, before Right's call can fail the execution.
        Assert.Equal(2, handler.Calls("pre"));
        Assert.Equal(4, handler.Calls("flaky"));
        JsonArray events = await host.EventsAsync(arn);
        Assert.Equal(2, events.Count(e => (string?)e!["stateEnteredEventDetails"]?["name"] == "Left")); // once per iteration
        JsonObject described = await host.DescribeAsync(arn);
        Assert.Equal("""[{"seen":1,"right":2},{"seen":2,"right":2}]""", (string?)described["output"]);
    }

    [Fact]
    public async Task Redrive_RetryInsideABranch_RetryCountersStartFresh()
    {
        // B fails its first three calls and may retry once: the original run fails after two calls; the redrive's B
        // retries again (its counter starts from zero, as AWS's does) and its fourth call succeeds.
        handler.Failures = 3;
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "End": true}}},
              {"StartAt": "Gate", "States": {
                "Gate": {"Type": "Task", "Resource": "%FN%hold", "ResultPath": null, "Next": "B"},
                "B": {"Type": "Task", "Resource": "%FN%flaky", "End": true,
                  "Retry": [{"ErrorEquals": ["Flaky.Failed"], "IntervalSeconds": 1, "MaxAttempts": 1}]}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunGatedAsync("partial-retry", definition);
        Assert.Equal(2, handler.Calls("flaky"));

        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(1, handler.Calls("ok"));
        Assert.Equal(4, handler.Calls("flaky"));
        Assert.Equal("""[{"attempt":1},{"attempt":4,"retry":1}]""", (string?)(await host.DescribeAsync(arn))["output"]);
    }

    [Fact]
    public async Task Redrive_CatchTakenInsideABranch_ResumesAtTheCatchTargetWithTheCaughtInput()
    {
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "End": true}}},
              {"StartAt": "Gate", "States": {
                "Gate": {"Type": "Task", "Resource": "%FN%hold", "ResultPath": null, "Next": "Try"},
                "Try": {"Type": "Task", "Resource": "%FN%flaky", "End": true,
                  "Catch": [{"ErrorEquals": ["Flaky.Failed"], "ResultPath": "$.caught", "Next": "Recover"}]},
                "Recover": {"Type": "Task", "Resource": "%FN%flaky", "Parameters": {"recovering.$": "$.caught.Error"}, "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunGatedAsync("partial-catch", definition);

        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(1, handler.Calls("ok"));
        Assert.Equal(3, handler.Calls("flaky")); // Try once (caught), Recover twice
        Assert.Equal("""[{"attempt":1},{"recovering":"Flaky.Failed","attempt":2}]""", (string?)(await host.DescribeAsync(arn))["output"]);
        JsonArray events = await host.EventsAsync(arn);
        int redriven = RedriveTestHost.Types(events).ToList().IndexOf("ExecutionRedriven");
        Assert.Equal(
            ["Fan", "Recover"],
            events.Skip(redriven).Select(e => (string?)e!["stateEnteredEventDetails"]?["name"]).OfType<string>());
    }

    [Fact]
    public async Task Redrive_AfterStopExecutionWhileAParallelRuns_KeepsTheFinishedBranch_ResumesTheOther()
    {
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "End": true}}},
              {"StartAt": "Hold", "States": {"Hold": {"Type": "Task", "Resource": "%FN%hold", "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync("partial-aborted", definition), "r1");
        await holding.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForExitAsync(arn, "A");

        await host.OkAsync("StopExecution", arn);
        await host.WaitAsync(arn);
        Assert.Equal("ABORTED", await host.StatusAsync(arn));
        holding.Release(); // the first Hold call ends after the stop: its result is dropped
        await RedriveAsync(arn, "SUCCEEDED");

        (string[] types, int redriven) = await AssertFinishedBranchKeptAsync(arn, "ExecutionAborted");
        Assert.Equal(1, types.Skip(redriven).Count(t => t == "TaskStateEntered"));
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public async Task Redrive_AfterTimedOutWhileAParallelRuns_KeepsTheFinishedBranch_ResumesTheOther()
    {
        // B's first call is held (never answers): the execution times out after 3 s while it runs; redriven, B runs again.
        string definition = """
            {"TimeoutSeconds": 3, "StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "%FN%hold", "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync("partial-timeout", definition), "r1");
        await holding.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForExitAsync(arn, "A");
        await host.WaitAsync(arn);
        Assert.Equal("TIMED_OUT", await host.StatusAsync(arn));

        await RedriveAsync(arn, "SUCCEEDED");

        (string[] types, int redriven) = await AssertFinishedBranchKeptAsync(arn, "ExecutionTimedOut");
        Assert.Equal(["ParallelStateEntered", "TaskStateEntered"], types.Skip(redriven).Where(t => t.EndsWith("StateEntered", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The checks shared by the redrives of a stopped/timed-out Parallel whose branch A had finished and whose held
    /// branch never answered: A ran once, the held task once (the redrive's call), the output is both branches', and the
    /// event before <c>ExecutionRedriven</c> is <paramref name="closingType"/>. Returns the event types and that index.
    /// </summary>
    private async Task<(string[] Types, int Redriven)> AssertFinishedBranchKeptAsync(JsonObject arn, string closingType)
    {
        Assert.Equal(1, handler.Calls("ok"));
        Assert.Equal(1, handler.Calls("hold")); // the redrive's call (the held one did not reach the handler)
        Assert.Equal("""[{"attempt":1},{"attempt":1}]""", (string?)(await host.DescribeAsync(arn))["output"]);
        string[] types = await TypesAsync(arn);
        int redriven = Array.IndexOf(types, "ExecutionRedriven");
        Assert.Equal(closingType, types[redriven - 1]);
        return (types, redriven);
    }

    private async Task<JsonObject> RunAsync(string name, string definition, string status, string input = "{}")
    {
        JsonObject arn = await host.RunAsync(await host.CreateInlineAsync(name, definition), "r1", input);
        Assert.Equal(status, await host.StatusAsync(arn));
        return arn;
    }

    /// <summary>
    /// Runs a Parallel whose branch A (a Task) must be recorded as succeeded before the failing branch, which starts with
    /// a held <c>…:hold</c> Gate, fails: a completion taken after the closing event records nothing (A would run again).
    /// </summary>
    private async Task<JsonObject> RunGatedAsync(string name, string definition)
    {
        JsonObject arn = await host.StartAsync(await host.CreateInlineAsync(name, definition), "r1");
        await holding.Held.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForExitAsync(arn, "A");
        holding.Release();
        await host.WaitAsync(arn);
        Assert.Equal("FAILED", await host.StatusAsync(arn));
        return arn;
    }

    private Task RedriveAsync(JsonObject arn, string status) => host.RedriveAsync(arn, status);

    private Task<string[]> TypesAsync(JsonObject arn) => host.HistoryTypesAsync(arn);

    /// <summary>Waits until state <paramref name="name"/> has exited <paramref name="count"/> times (the execution still running).</summary>
    private async Task WaitForExitAsync(JsonObject arn, string name, int count = 1)
    {
        for (int attempt = 0; attempt < 1000; attempt++)
        {
            if ((await host.EventsAsync(arn)).Count(e => (string?)e!["stateExitedEventDetails"]?["name"] == name) >= count)
            {
                return;
            }

            await Task.Delay(10);
        }

        Assert.Fail($"{name} did not exit {count} times: " + string.Join(", ", await TypesAsync(arn)));
    }

    /// <summary>
    /// The first call of <c>…:hold</c> (<see cref="Held"/> reports when it began), and every call of <c>…:gate</c> made
    /// before <see cref="Release"/>, wait until it and answer <c>{"held": true}</c> without reaching the inner handler;
    /// a call of <c>…:firstrun</c> whose input has <c>r</c> 0 fails (not counted); other calls go to the inner handler.
    /// </summary>
    private sealed class HoldUntilReleased(ITaskHandler inner) : ITaskHandler
    {
        private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int holds;

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => release.TrySetResult();

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            if (invocation.Resource.EndsWith(":firstrun", StringComparison.Ordinal) && (int?)invocation.Input?["r"] == 0)
            {
                return TaskOutcome.Failure(new AslError("Flaky.Failed", "fails in the original run"));
            }

            if ((invocation.Resource.EndsWith(":hold", StringComparison.Ordinal) && Interlocked.Increment(ref holds) == 1)
                || (invocation.Resource.EndsWith(":gate", StringComparison.Ordinal) && !release.Task.IsCompleted))
            {
                Held.TrySetResult();
                await release.Task;
                return TaskOutcome.Success(new JsonObject { ["held"] = true });
            }

            return await inner.InvokeAsync(invocation);
        }
    }
}
