using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory.Mocking;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Task states that start another state machine, on the real self-host: the child is a sub-orchestration of
/// <see cref="StateMachineOrchestrator"/> whose definition the task activity resolved.
/// </summary>
public sealed class DurableNestedExecutionTests : IAsyncLifetime
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private DurableSelfHost host = null!;

    public async Task InitializeAsync() =>
        host = await DurableSelfHost.StartAsync(new SelfHostOptions(), DurableTaskCatalog.ForStateMachines(Tasks(), new ExecutionPlanCache()), NullLoggerFactory.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Sync2_ChildSucceeds_DescribeExecutionWithJsonOutputAndChildContext()
    {
        string name = Unique("child");

        ExecutionResult result = await RunParentAsync(".sync:2", Input("Child", """{"a":1}""", name));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonNode child = result.Output!["child"]!;
        JsonAssert.Equal($$"""
            {"input":{"a":1},"executionId":"{{Prefix}}:execution:Child:{{name}}","executionName":"{{name}}",
             "stateMachineId":"{{Prefix}}:stateMachine:Child","stateMachineName":"Child"}
            """, child["Output"]);
        JsonAssert.Equal("""{"a":1}""", child["Input"]);
        Assert.Equal($"{Prefix}:execution:Child:{name}", child["ExecutionArn"]!.GetValue<string>());
        Assert.Equal("SUCCEEDED", child["Status"]!.GetValue<string>());
        Assert.True(child["StopDate"]!.GetValue<long>() >= child["StartDate"]!.GetValue<long>());
        Assert.Equal("parent", result.Output!["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync_ChildSucceeds_InputAndOutputAreJsonText()
    {
        string name = Unique("child");

        ExecutionResult result = await RunParentAsync(".sync", Input("Child", "\"{\\\"a\\\": 1}\"", name));

        JsonNode child = result.Output!["child"]!;
        Assert.Equal("""{"a": 1}""", child["Input"]!.GetValue<string>());
        Assert.Equal(name, JsonNode.Parse(child["Output"]!.GetValue<string>())!["executionName"]!.GetValue<string>());
    }

    [Fact]
    public async Task RequestResponse_ChildStillRunning_ParentCompletesWithExecutionArnAndStartDate()
    {
        string name = Unique("hour");

        ExecutionResult result = await RunParentAsync("", Input("Hour", "{}", name), skipWaits: false);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonNode child = result.Output!["child"]!;
        Assert.Equal($"{Prefix}:execution:Hour:{name}", child["ExecutionArn"]!.GetValue<string>());
        Assert.True(child["StartDate"]!.GetValue<long>() > 0);
        ExecutionSnapshot? running = await host.Client.GetAsync("Hour:" + name, CancellationToken.None);
        Assert.Contains(running?.Status, new ExecutionRuntimeStatus?[] { ExecutionRuntimeStatus.Pending, ExecutionRuntimeStatus.Running });
        await host.Client.TerminateAsync("Hour:" + name, "test over", CancellationToken.None);
    }

    [Fact]
    public async Task RequestResponse_Child_RunsToItsOwnEnd()
    {
        string name = Unique("child");

        ExecutionResult result = await RunParentAsync("", Input("Child", """{"a":1}""", name));
        ExecutionSnapshot child = await host.Client.WaitForCompletionAsync("Child:" + name, CancellationToken.None); // <machine>:<name>, as API starts

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        ExecutionResult childResult = DurableStateMachineRunner.ToResult(child);
        Assert.Equal(ExecutionStatus.Succeeded, childResult.Status);
        Assert.Equal(name, childResult.Output!["executionName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sync2_ChildFails_ParentFailsWithTaskFailedAndDescribeExecutionCause()
    {
        string name = Unique("failing");

        ExecutionResult result = await RunParentAsync(".sync:2", Input("Failing", """{"a":1}""", name));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.TaskFailed, result.Error?.Error);
        JsonNode cause = JsonNode.Parse(result.Error!.Cause!)!;
        Assert.Equal("FAILED", cause["Status"]!.GetValue<string>());
        Assert.Equal("Child.Error", cause["Error"]!.GetValue<string>());
        Assert.Equal("child broke", cause["Cause"]!.GetValue<string>());
        JsonAssert.Equal("""{"a":1}""", cause["Input"]);
    }

    [Fact]
    public async Task Sync_ChildTimesOut_CauseHasTimedOutStatus()
    {
        ExecutionResult result = await RunParentAsync(".sync", Input("Slow", "{}", Unique("slow")));

        Assert.Equal(StatesErrorNames.TaskFailed, result.Error?.Error);
        Assert.Equal("TIMED_OUT", JsonNode.Parse(result.Error!.Cause!)!["Status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Catch_ChildFails_CatcherGetsTaskFailed()
    {
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, DefinitionFiles.Read("nested", "parent-catch"), JsonNode.Parse(Input("Failing", "{}", Unique("failing"))),
            new DurableRunOptions { ExecutionName = Unique("parent"), SkipWaits = true }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(StatesErrorNames.TaskFailed, result.Output!["caught"]!.GetValue<string>());
        JsonAssert.Equal("""{"from":"parent"}""", result.Output!["cause"]!["Input"]);
    }

    [Fact]
    public async Task Sync2_UnknownArn_ParentFailsWithStateMachineDoesNotExist()
    {
        ExecutionResult result = await RunParentAsync(".sync:2", Input("Nope", "{}", Unique("nope")));

        Assert.Equal("StepFunctions.StateMachineDoesNotExistException", result.Error?.Error);
        Assert.StartsWith($"State Machine Does Not Exist: '{Prefix}:stateMachine:Nope'", result.Error?.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync2_MockConfigured_MockAnswersInsteadOfChild()
    {
        using CancellationTokenSource cts = new(Budget);
        MockTestCase mocks = MockConfiguration.Parse("""
            {"StateMachines":{"Parent":{"TestCases":{"Happy":{"Start":"Mocked"}}}},
             "MockedResponses":{"Mocked":{"0":{"Return":{"mocked":true}}}}}
            """).GetTestCase("Parent", "Happy");

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            Parent(".sync:2"), JsonNode.Parse(Input("Child", "{}", Unique("child"))), new MockTaskHandler(mocks, Tasks()),
            new DurableRunOptions { ExecutionName = Unique("parent"), SkipWaits = true }, cts.Token);

        JsonAssert.Equal("""{"child":{"mocked":true},"who":"parent"}""", result.Output);
    }

    [Fact]
    public async Task Sync2_ParentTimesOutWhileTheChildRuns_ParentTimedOutAtOnceAndTheChildStopped()
    {
        // AWS stops a .sync child whose parent ends; here the child is a sub-orchestration, which DurableTask.Core
        // would wait for (an hour) before completing the parent.
        string name = Unique("hour");
        JsonObject parent = JsonNode.Parse(Parent(".sync:2"))!.AsObject();
        parent["TimeoutSeconds"] = 2;
        using CancellationTokenSource cts = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, parent.ToJsonString(), JsonNode.Parse(Input("Hour", "{}", name)), new DurableRunOptions { ExecutionName = Unique("parent") }, cts.Token);

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, await ClosedAsync("Hour:" + name));
    }

    [Fact]
    public async Task Sync2_ParentStoppedWhileTheChildRuns_TheChildIsStoppedToo()
    {
        string name = Unique("hour");
        using CancellationTokenSource stop = new(Budget);
        Task<ExecutionResult> run = DurableStateMachineRunner.RunOnAsync(
            host.Client, Parent(".sync:2"), JsonNode.Parse(Input("Hour", "{}", name)), new DurableRunOptions { ExecutionName = Unique("parent") }, stop.Token);
        using (CancellationTokenSource budget = new(Budget))
        {
            while ((await host.Client.GetAsync("Hour:" + name, budget.Token))?.Status != ExecutionRuntimeStatus.Running)
            {
                await Task.Delay(100, budget.Token);
            }
        }

        await stop.CancelAsync(); // the runner terminates the parent (StopExecution does the same)

        Assert.Equal(ExecutionStatus.Aborted, (await run).Status);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, await ClosedAsync("Hour:" + name));
    }

    /// <summary>The status of an instance once it is no longer pending or running (fails after the budget).</summary>
    private async Task<ExecutionRuntimeStatus?> ClosedAsync(string instanceId)
    {
        using CancellationTokenSource budget = new(Budget);
        while (true)
        {
            ExecutionSnapshot? snapshot = await host.Client.GetAsync(instanceId, budget.Token);
            if (snapshot?.Status is not (null or ExecutionRuntimeStatus.Pending or ExecutionRuntimeStatus.Running))
            {
                return snapshot!.Status;
            }

            await Task.Delay(100, budget.Token);
        }
    }

    private async Task<ExecutionResult> RunParentAsync(string suffix, string input, bool skipWaits = true)
    {
        using CancellationTokenSource cts = new(Budget);
        return await DurableStateMachineRunner.RunOnAsync(
            host.Client, Parent(suffix), JsonNode.Parse(input), new DurableRunOptions { ExecutionName = Unique("parent"), SkipWaits = skipWaits }, cts.Token);
    }

    private static string Parent(string suffix) => DefinitionFiles.Read("nested", "parent")
        .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + suffix, StringComparison.Ordinal);

    private static string Input(string machine, string childInput, string name) =>
        $$"""{"arn":"{{Prefix}}:stateMachine:{{machine}}","input":{{childInput}},"name":"{{name}}"}""";

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private static TaskHandlerRegistry Tasks() => StartExecutionTaskHandler.Registry(
        new InMemoryStateMachineRegistry(
        [
            new($"{Prefix}:stateMachine:Child", DefinitionFiles.Read("nested", "child-echo")),
            new($"{Prefix}:stateMachine:Failing", DefinitionFiles.Read("nested", "child-fail")),
            new($"{Prefix}:stateMachine:Slow", DefinitionFiles.Read("nested", "child-timeout")),
            new($"{Prefix}:stateMachine:Hour", DefinitionFiles.Read("nested", "child-hour")),
        ]),
        Guid.NewGuid);
}
