using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Api;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Abandoned work closed the way the Functions app closes it, where the orchestration service is the host's and not ours
/// to wrap: the self-host runs without <see cref="ClosingOrchestrationService"/> (DurableTask.Core 3.11.2, the version
/// the Functions host's extension ships), the orchestrator terminates its open children by
/// <see cref="CloseChildrenActivity"/>, and the Task activity watches its instance through the client.
/// </summary>
public sealed class ActivityClosingTests : IAsyncLifetime
{
    private ActivityClosingHost closing = null!;

    public async Task InitializeAsync() => closing = await ActivityClosingHost.StartAsync(new SelfHostOptions { ClosingService = false });

    public async Task DisposeAsync() => await closing.DisposeAsync();

    [Fact]
    public Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeld_CompletesFailedWhileTheHandlerIsHeld() => ParallelFailsWhileHeldAsync(closing);

    [Fact]
    public Task Sync2_ParentTimesOutWhileTheChildWaitsAnHour_ParentTimedOutAndTheChildTerminated() => Sync2ParentTimesOutAsync(closing);

    [Fact]
    public Task MapRunFails_WhileAnotherChunksChildIsHeld_ParentFailsAndTheChildIsTerminated() => MapRunFailsWhileHeldAsync(closing);

    [Fact]
    public Task ExpressMapRunFails_WhileAnotherChunksChildIsHeld_ParentFailsWhileTheHandlerIsHeld() => MapRunFailsWhileHeldAsync(closing, "EXPRESS");

    /// <summary>A Parallel whose second branch fails while the first one's Task is held completes FAILED, the handler still held.</summary>
    internal static async Task ParallelFailsWhileHeldAsync(ActivityClosingHost closing)
    {
        DurableSelfHost host = closing.Host;
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}]}}}
            """.Replace("%FN%", AbandonedWorkTests.Fn, StringComparison.Ordinal);
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, definition, new JsonObject(), new DurableRunOptions { ExecutionName = Unique("par") }, budget.Token);

        Assert.Equal((ExecutionStatus.Failed, "Boom"), (result.Status, result.Error?.Error));
        Assert.False(closing.Held.Released, "the instance completed only once the held handler answered");
    }

    /// <summary>A <c>.sync:2</c> parent whose TimeoutSeconds passes while its child waits an hour: TIMED_OUT, the child terminated.</summary>
    internal static async Task Sync2ParentTimesOutAsync(ActivityClosingHost closing)
    {
        DurableSelfHost host = closing.Host;
        string child = Unique("hour");
        JsonObject parent = JsonNode.Parse(DefinitionFiles.Read("nested", "parent")
            .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + ".sync:2", StringComparison.Ordinal))!.AsObject();
        parent["TimeoutSeconds"] = 2;
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, parent.ToJsonString(), JsonNode.Parse($$"""{"arn":"{{ActivityClosingHost.Prefix}}:stateMachine:Hour","input":{},"name":"{{child}}"}"""),
            new DurableRunOptions { ExecutionName = Unique("parent") }, budget.Token);

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        ExecutionSnapshot? stopped = await host.Client.GetAsync("Hour:" + child, budget.Token);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, stopped?.Status);
    }

    /// <summary>
    /// A map run failing while another chunk's child is held ends the parent FAILED, the handler still held (EXPRESS: the
    /// held child's chunk activity sees its map run ended and stops waiting, so the map run can complete; nothing recorded).
    /// </summary>
    internal static async Task MapRunFailsWhileHeldAsync(ActivityClosingHost closing, string executionType = "STANDARD")
    {
        DurableSelfHost host = closing.Host;
        // One item per chunk, both chunks at once: the second child fails while the first one's Task is held. The map run
        // ends without the held child and terminates it; the parent awaits the map run, so FAILED proves both closed.
        closing.Items.With("data", "own.jsonl", "{\"fail\":false}\n{\"fail\":true}\n");
        string definition = """{"StartAt": "Process", "States": {"Process": %MAP%}}"""
            .Replace("%MAP%", MapRunAbandonedTests.MapState(AbandonedWorkTests.Fn + "held", executionType), StringComparison.Ordinal);
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, definition, JsonNode.Parse("""{"key": "own.jsonl"}"""), new DurableRunOptions { ExecutionName = Unique("map"), MapRunChunkSize = 1 }, budget.Token);

        Assert.Equal((ExecutionStatus.Failed, "Item.Failed"), (result.Status, result.Error?.Error));
        Assert.False(closing.Held.Released, "the map run completed only once the held child's handler answered");
        Assert.True(executionType != "EXPRESS" || !closing.Items.Names(AslOnDurable.Runtime.Durable.Activities.MapRuns.MapRunStorage.Container).Any(n => n.EndsWith("/results/0.json", StringComparison.Ordinal)), "the aborted chunk recorded its children");
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
}
