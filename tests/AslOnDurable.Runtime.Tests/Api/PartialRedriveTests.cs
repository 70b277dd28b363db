using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// RedriveExecution of Parallel and inline Map states on the embedded durable backend: only the branches/iterations that
/// did not succeed run again (from their unsuccessful step), the others' outputs are kept in order.
/// </summary>
public sealed class PartialRedriveTests : IAsyncLifetime
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";
    private readonly FlakyPerInputHandler handler = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await StepFunctionsSelfHost.StartAsync(
            new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton<ITaskHandler>(handler));

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Redrive_Parallel_RunsOnlyTheFailedBranch_KeepsOrder()
    {
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "%FN%ok", "Parameters": {"b": "a"}, "End": true}}},
              {"StartAt": "B", "States": {"B": {"Type": "Task", "Resource": "%FN%flaky", "Parameters": {"b": "b"}, "End": true}}},
              {"StartAt": "C", "States": {"C": {"Type": "Pass", "Result": "c", "End": true}}}]}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunAsync("partial-parallel", definition, "FAILED");

        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(1, handler.Calls("ok")); // in the first run (kept), or only in the redrive when B failed before A was called
        Assert.Equal(2, handler.Calls("flaky"));
        JsonObject described = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("""[{"b":"a","attempt":1},{"b":"b","attempt":2},"c"]""", (string?)described["output"]);
        string[] types = await TypesAsync(arn);
        int redriven = Array.IndexOf(types, "ExecutionRedriven");
        Assert.Equal("ExecutionFailed", types[redriven - 1]);
        Assert.Equal(1, types.Skip(redriven).Count(t => t == "LambdaFunctionScheduled")); // branch A not scheduled again
        Assert.Equal("ExecutionSucceeded", types[^1]);
    }

    [Fact]
    public async Task Redrive_InlineMap_RunsOnlyUnsuccessfulIterations_TwoRedrives()
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
        JsonObject arn = await RunAsync("partial-map", definition, "FAILED", "[0,1,2,3]");

        await RedriveAsync(arn, "FAILED");
        await RedriveAsync(arn, "SUCCEEDED");

        // Iteration 0 ran once, in the original run (kept by both redrives); 2 ran once, in the first redrive.
        Assert.Equal(2, handler.Calls("ok"));
        Assert.Equal(4, handler.Calls("flaky"));
        JsonObject described = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal(2, (int)described["redriveCount"]!);
        JsonArray output = JsonNode.Parse((string)described["output"]!)!.AsArray();
        Assert.Equal([0, 1, 2, 3], output.Select(o => (int)o!["n"]!));
        Assert.Equal(1, (int)output[0]!["attempt"]!);
        Assert.Equal(2, (int)output[1]!["attempt"]!);
        Assert.Equal(1, (int)output[2]!["attempt"]!);
        Assert.Equal(2, (int)output[3]!["attempt"]!);
        string[] types = await TypesAsync(arn);
        int last = Array.LastIndexOf(types, "ExecutionRedriven");
        Assert.Equal(1, types.Skip(last).Count(t => t == "MapIterationStarted"));
        Assert.Equal(2, types.Count(t => t == "ExecutionRedriven"));
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
                  {"StartAt": "Left", "States": {"Left": {"Type": "Task", "Resource": "%FN%ok", "End": true}}},
                  {"StartAt": "Right", "States": {"Right": {"Type": "Task", "Resource": "%FN%flaky", "End": true}}}]},
                "Post": {"Type": "Pass", "Parameters": {"seen.$": "$seen", "right.$": "$[1].attempt"}, "End": true}}}}}}
            """.Replace("%FN%", Fn, StringComparison.Ordinal);
        JsonObject arn = await RunAsync("partial-nested", definition, "FAILED", "[1,2]");

        await RedriveAsync(arn, "FAILED");
        await RedriveAsync(arn, "SUCCEEDED");

        Assert.Equal(2, handler.Calls("pre"));
        Assert.Equal(2, handler.Calls("ok"));
        Assert.Equal(4, handler.Calls("flaky"));
        JsonObject described = await host.OkAsync("DescribeExecution", Copy(arn));
        Assert.Equal("""[{"seen":1,"right":2},{"seen":2,"right":2}]""", (string?)described["output"]);
    }

    private async Task<JsonObject> RunAsync(string name, string definition, string status, string input = "{}")
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = name, ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        JsonObject started = await host.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "r1", ["input"] = input });
        await host.Client.WaitForCompletionAsync(name + ":r1", CancellationToken.None);
        JsonObject arn = new() { ["executionArn"] = started["executionArn"]!.DeepClone() };
        Assert.Equal(status, (string?)(await host.OkAsync("DescribeExecution", Copy(arn)))["status"]);
        return arn;
    }

    private async Task RedriveAsync(JsonObject arn, string status)
    {
        await TypesAsync(arn); // the history is written after the instance completes: redrive from all of it
        await host.OkAsync("RedriveExecution", Copy(arn));
        string instance = ((string)arn["executionArn"]!).Split(":execution:")[1];
        await host.Client.WaitForCompletionAsync(instance, CancellationToken.None);
        Assert.Equal(status, (string?)(await host.OkAsync("DescribeExecution", Copy(arn)))["status"]);
    }

    private async Task<string[]> TypesAsync(JsonObject arn)
    {
        for (int attempt = 0; ; attempt++)
        {
            JsonArray events = (await host.OkAsync("GetExecutionHistory", Copy(arn)))["events"]!.AsArray();
            string[] types = [.. events.Select(e => (string)e!["type"]!)];
            await Task.Delay(50);
            int again = (await host.OkAsync("GetExecutionHistory", Copy(arn)))["events"]!.AsArray().Count;
            if ((types.Length == again && types[^1].StartsWith("Execution", StringComparison.Ordinal) && types[^1] != "ExecutionRedriven") || attempt == 200)
            {
                return types;
            }
        }
    }

    private static JsonObject Copy(JsonObject arn) => (JsonObject)arn.DeepClone();

    /// <summary>Fails the first call of <c>…:flaky</c> for each input; counts every call by function and input.</summary>
    private sealed class FlakyPerInputHandler : ITaskHandler
    {
        private readonly ConcurrentDictionary<string, int> calls = new(StringComparer.Ordinal);

        public int Calls(string function) => calls.Where(c => c.Key.StartsWith(Fn + function + "|", StringComparison.Ordinal)).Sum(c => c.Value);

        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            string key = invocation.Resource + "|" + (invocation.Input?.ToJsonString() ?? "null");
            int attempt = calls.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (attempt == 1 && invocation.Resource.EndsWith(":flaky", StringComparison.Ordinal))
            {
                return ValueTask.FromResult(TaskOutcome.Failure(new AslError("Flaky.Failed", "the first call fails")));
            }

            JsonObject result = invocation.Input?.DeepClone() as JsonObject ?? [];
            result["attempt"] = attempt;
            return ValueTask.FromResult(TaskOutcome.Success(result));
        }
    }
}
