using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// The API on the Azure Storage backend (what <c>asl serve --storage</c> runs) keeps everything across a restart: a
/// second host on the same storage answers for the machines, versions, tags, activities, executions and history the
/// first one created, and an execution the first host left running finishes on the second with one history.
/// </summary>
[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class StorageRestartTests(AzuriteFixture azurite)
{
    [AzuriteFact]
    public async Task Restart_SameStorage_AnswersForEverythingTheFirstHostCreatedAndRan()
    {
        // The self-host stops forced: messages the first host had dequeued stay invisible for the visibility timeout
        // (5 min by default), so the test shortens it; each host names itself in partition leases.
        var options = AzuriteSelfHosts.Options(azurite, "r" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]) with
        {
            MessageVisibilityTimeout = TimeSpan.FromSeconds(10),
            PartitionLeaseInterval = TimeSpan.FromSeconds(6),
        };
        string machineArn, waitArn, activityArn;
        JsonObject historyBefore;
        await using (StepFunctionsSelfHost first = await StepFunctionsSelfHost.StartAsync(options with { WorkerId = "first" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None))
        {
            machineArn = await first.CreateAsync("restart-greet", "greet");
            await first.OkAsync("TagResource", new JsonObject
            {
                ["resourceArn"] = machineArn, ["tags"] = new JsonArray(new JsonObject { ["key"] = "team", ["value"] = "blue" }),
            });
            await first.OkAsync("PublishStateMachineVersion", new JsonObject { ["stateMachineArn"] = machineArn, ["description"] = "v1" });
            activityArn = (string)(await first.OkAsync("CreateActivity", new JsonObject { ["name"] = "restart-activity" }))["activityArn"]!;
            await first.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = "run-1", ["input"] = """{"who":"world"}""" });
            await first.Client.WaitForCompletionAsync("restart-greet:run-1", CancellationToken.None);
            historyBefore = await first.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = Execution(machineArn, "run-1") });

            waitArn = await first.CreateAsync("restart-wait", "wait-short");
            await first.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = waitArn, ["name"] = "slow" });
        }

        await using StepFunctionsSelfHost second = await StepFunctionsSelfHost.StartAsync(options with { WorkerId = "second" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None);

        JsonObject machine = await second.OkAsync("DescribeStateMachine", new JsonObject { ["stateMachineArn"] = machineArn });
        JsonObject tags = await second.OkAsync("ListTagsForResource", new JsonObject { ["resourceArn"] = machineArn });
        JsonObject versions = await second.OkAsync("ListStateMachineVersions", new JsonObject { ["stateMachineArn"] = machineArn });
        JsonObject activity = await second.OkAsync("DescribeActivity", new JsonObject { ["activityArn"] = activityArn });
        JsonObject execution = await second.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = Execution(machineArn, "run-1") });
        JsonObject historyAfter = await second.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = Execution(machineArn, "run-1") });
        JsonObject listed = await second.OkAsync("ListExecutions", new JsonObject { ["stateMachineArn"] = machineArn });
        await second.ErrorAsync(
            "StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = "run-1", ["input"] = """{"who":"world"}""" }, "ExecutionAlreadyExists");

        Assert.Equal(ApiTestCalls.Definition("greet"), (string?)machine["definition"]);
        Assert.Equal("blue", (string?)tags["tags"]![0]!["value"]);
        Assert.Equal(machineArn + ":1", (string?)versions["stateMachineVersions"]![0]!["stateMachineVersionArn"]);
        Assert.Equal("restart-activity", (string?)activity["name"]);
        Assert.Equal("SUCCEEDED", (string?)execution["status"]);
        Assert.Equal("""{"greeting":"Hello, world!"}""", (string?)execution["output"]);
        Assert.True(JsonNode.DeepEquals(historyBefore, historyAfter), historyAfter.ToJsonString());
        Assert.Equal(Execution(machineArn, "run-1"), (string?)listed["executions"]![0]!["executionArn"]);

        // The execution left running finishes on the new host; its history is one sequence across both hosts.
        await second.Client.WaitForCompletionAsync("restart-wait:slow", CancellationToken.None);
        JsonObject slow = await second.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = Execution(waitArn, "slow") });
        JsonArray events = (JsonArray)(await second.OkAsync("GetExecutionHistory", new JsonObject { ["executionArn"] = Execution(waitArn, "slow") }))["events"]!;
        Assert.Equal("SUCCEEDED", (string?)slow["status"]);
        Assert.Equal("""{"step":2}""", (string?)slow["output"]);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => (long)e!["id"]!));
        Assert.Equal("ExecutionStarted", (string?)events[0]!["type"]);
        Assert.Equal("ExecutionSucceeded", (string?)events[^1]!["type"]);
        Assert.Contains(events, e => (string?)e!["type"] == "WaitStateExited");
    }

    [AzuriteFact]
    public async Task Stop_TaskInFlightFailoverSeconds_NextHostFinishesTheExecution()
    {
        // What `asl serve --storage … --failover-seconds 10` sets (leases and message visibility of 10 s): a host stopped
        // while a task runs leaves the execution to the next host on the task hub, which finishes it.
        var options = AzuriteSelfHosts.Options(azurite, "g" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]) with
        {
            MessageVisibilityTimeout = TimeSpan.FromSeconds(10),
            PartitionLeaseInterval = TimeSpan.FromSeconds(10),
        };
        GateHandler gate = new();
        (StepFunctionsSelfHost first, string machineArn) = await StartWithGatedTaskAsync(options, gate, "graceful", "in-flight");
        ValueTask stopping = first.DisposeAsync();
        gate.Release.TrySetResult(); // the task finishes while the host stops
        await stopping;

        (JsonObject described, GateHandler open) = await FinishOnSecondHostAsync(options, machineArn, "graceful", "in-flight");

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("\"done\"", (string?)described["output"]);
        Assert.InRange(gate.Calls + open.Calls, 1, 2); // finished by the first host as it stopped, or run again by the next
    }

    [AzuriteFact]
    public async Task Stop_TaskStillRunningDefaultTimeouts_HandedOverToTheNextHostBeforeTheVisibilityTimeout()
    {
        // Default leases and message visibility (5 min): the first host stops while a task runs past the hand-over
        // grace; the task is abandoned to the task hub, and the next host runs it again and finishes the execution.
        var options = AzuriteSelfHosts.Options(azurite, "h" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..12]);
        GateHandler gate = new();
        (StepFunctionsSelfHost first, string machineArn) = await StartWithGatedTaskAsync(options, gate, "handover", "running");
        await first.DisposeAsync(); // the task is still running: handed over
        gate.Release.TrySetResult(); // its late result is dropped

        (JsonObject described, GateHandler open) = await FinishOnSecondHostAsync(options, machineArn, "handover", "running");

        Assert.Equal("SUCCEEDED", (string?)described["status"]);
        Assert.Equal("\"done\"", (string?)described["output"]);
        Assert.Equal(1, open.Calls); // run again by the next host
    }

    /// <summary>Starts the first host, creates a machine whose Task waits on <paramref name="gate"/>, starts it and waits for the task.</summary>
    private static async Task<(StepFunctionsSelfHost Host, string MachineArn)> StartWithGatedTaskAsync(SelfHostOptions options, GateHandler gate, string machine, string execution)
    {
        StepFunctionsSelfHost first = await StepFunctionsSelfHost.StartAsync(
            options with { WorkerId = "first" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton<ITaskHandler>(gate));
        string machineArn = (string)(await first.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = machine, ["roleArn"] = ApiTestCalls.Role,
            ["definition"] = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"Next":"Done"},"Done":{"Type":"Pass","Result":"done","End":true}}}""",
        }))["stateMachineArn"]!;
        await first.OkAsync("StartExecution", new JsonObject { ["stateMachineArn"] = machineArn, ["name"] = execution });
        await gate.Entered.Task.WaitAsync(TimeSpan.FromMinutes(2));
        return (first, machineArn);
    }

    /// <summary>Starts a second host on the same task hub (its Task answers at once) and waits for the execution to finish there.</summary>
    private static async Task<(JsonObject Described, GateHandler Open)> FinishOnSecondHostAsync(SelfHostOptions options, string machineArn, string machine, string execution)
    {
        GateHandler open = new(open: true);
        await using StepFunctionsSelfHost second = await StepFunctionsSelfHost.StartAsync(
            options with { WorkerId = "second" }, new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None,
            configureServices: services => services.AddSingleton<ITaskHandler>(open));
        using CancellationTokenSource guard = new(TimeSpan.FromSeconds(150)); // well under the default 5 min visibility timeout
        await second.Client.WaitForCompletionAsync(machine + ":" + execution, guard.Token);
        return (await second.OkAsync("DescribeExecution", new JsonObject { ["executionArn"] = Execution(machineArn, execution) }), open);
    }

    private static string Execution(string machineArn, string name) => machineArn.Replace(":stateMachine:", ":execution:", StringComparison.Ordinal) + ":" + name;

    /// <summary>A task that signals when called and answers only once released (or at once when open).</summary>
    private sealed class GateHandler(bool open = false) : ITaskHandler
    {
        private int calls;

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls => Volatile.Read(ref calls);

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            Interlocked.Increment(ref calls);
            Entered.TrySetResult();
            if (!open)
            {
                await Release.Task.ConfigureAwait(false);
            }

            return TaskOutcome.Success(new JsonObject { ["ok"] = true });
        }
    }
}
