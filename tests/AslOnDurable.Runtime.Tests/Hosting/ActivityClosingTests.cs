using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Api;
using AslOnDurable.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// Abandoned work closed the way the Functions app closes it, where the orchestration service is the host's and not ours
/// to wrap: the self-host runs without <see cref="ClosingOrchestrationService"/> (DurableTask.Core 3.11.2, the version
/// the Functions host's extension ships), the orchestrator terminates its open children by
/// <see cref="CloseChildrenActivity"/>, and the Task activity watches its instance through the client.
/// </summary>
public sealed class ActivityClosingTests : IAsyncLifetime
{
    private const string Prefix = "arn:aws:states:us-east-1:123456789012";
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(2);
    private readonly AbandonedWorkTests.HeldOrFailingHandler held = new();
    private readonly LateClient watch = new();
    private readonly MemoryItemStore items = new();
    private DurableSelfHost host = null!;

    public async Task InitializeAsync()
    {
        ExecutionPlanCache plans = new();
        ITaskHandler tasks = new Router(held, StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{Prefix}:stateMachine:Hour", DefinitionFiles.Read("nested", "child-hour"))]), Guid.NewGuid));
        DurableTaskCatalog catalog = DurableTaskCatalog.ForStateMachines(tasks, plans, itemStore: items)
            .WithOrchestrator(OrchestratorNames.StateMachine, () => new StateMachineOrchestrator(plans, closesOpenChildren: true))
            .WithOrchestrator(OrchestratorNames.MapRun, () => new MapRunOrchestrator(closesOpenChildren: true))
            .WithActivity(ActivityNames.StateMachineTask, () => new StateMachineTaskActivity(tasks, instances: watch));
        host = await DurableSelfHost.StartAsync(new SelfHostOptions { ClosingService = false }, catalog, NullLoggerFactory.Instance, CancellationToken.None);
        watch.Inner = host.Client;
    }

    public async Task DisposeAsync()
    {
        held.Release();
        await host.DisposeAsync();
    }

    [Fact]
    public async Task Parallel_BranchFailsWhileAnotherBranchsTaskIsHeld_CompletesFailedWhileTheHandlerIsHeld()
    {
        string definition = """
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Held", "States": {"Held": {"Type": "Task", "Resource": "%FN%held", "End": true}}},
              {"StartAt": "Boom", "States": {"Boom": {"Type": "Task", "Resource": "%FN%boom", "End": true}}}]}}}
            """.Replace("%FN%", AbandonedWorkTests.Fn, StringComparison.Ordinal);
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, definition, new JsonObject(), new DurableRunOptions { ExecutionName = Unique("par") }, budget.Token);

        Assert.Equal((ExecutionStatus.Failed, "Boom"), (result.Status, result.Error?.Error));
        Assert.False(held.Released, "the instance completed only once the held handler answered");
    }

    [Fact]
    public async Task Sync2_ParentTimesOutWhileTheChildWaitsAnHour_ParentTimedOutAndTheChildTerminated()
    {
        string child = Unique("hour");
        JsonObject parent = JsonNode.Parse(DefinitionFiles.Read("nested", "parent")
            .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + ".sync:2", StringComparison.Ordinal))!.AsObject();
        parent["TimeoutSeconds"] = 2;
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, parent.ToJsonString(), JsonNode.Parse($$"""{"arn":"{{Prefix}}:stateMachine:Hour","input":{},"name":"{{child}}"}"""),
            new DurableRunOptions { ExecutionName = Unique("parent") }, budget.Token);

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        ExecutionSnapshot? stopped = await host.Client.GetAsync(child, budget.Token);
        Assert.Equal(ExecutionRuntimeStatus.Terminated, stopped?.Status);
    }

    [Fact]
    public async Task MapRunFails_WhileAnotherChunksChildIsHeld_ParentFailsAndTheChildIsTerminated()
    {
        // One item per chunk, both chunks at once: the second child fails while the first one's Task is held. The map run
        // ends without the held child and terminates it; the parent awaits the map run, so FAILED proves both closed.
        items.With("data", "own.jsonl", "{\"fail\":false}\n{\"fail\":true}\n");
        string definition = """{"StartAt": "Process", "States": {"Process": %MAP%}}"""
            .Replace("%MAP%", MapRunAbandonedTests.MapState(AbandonedWorkTests.Fn + "held"), StringComparison.Ordinal);
        using CancellationTokenSource budget = new(Budget);

        ExecutionResult result = await DurableStateMachineRunner.RunOnAsync(
            host.Client, definition, JsonNode.Parse("""{"key": "own.jsonl"}"""), new DurableRunOptions { ExecutionName = Unique("map"), MapRunChunkSize = 1 }, budget.Token);

        Assert.Equal((ExecutionStatus.Failed, "Item.Failed"), (result.Status, result.Error?.Error));
        Assert.False(held.Released, "the map run completed only once the held child's handler answered");
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}";

    /// <summary>The held/failing Lambdas to one handler, everything else (startExecution) to the other.</summary>
    private sealed class Router(ITaskHandler lambdas, ITaskHandler others) : ITaskHandler
    {
        public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation) =>
            invocation.Resource.StartsWith(AbandonedWorkTests.Fn, StringComparison.Ordinal) ? lambdas.InvokeAsync(invocation) : others.InvokeAsync(invocation);
    }

    /// <summary>The host's client, known only once the host runs (the catalog is built before).</summary>
    private sealed class LateClient : IExecutionClient
    {
        public IExecutionClient Inner { get; set; } = null!;

        public Task StartAsync(string orchestratorName, string instanceId, string? inputJson, CancellationToken cancellationToken) =>
            Inner.StartAsync(orchestratorName, instanceId, inputJson, cancellationToken);

        public Task<ExecutionSnapshot?> GetAsync(string instanceId, CancellationToken cancellationToken) => Inner.GetAsync(instanceId, cancellationToken);

        public Task<ExecutionSnapshot> WaitForCompletionAsync(string instanceId, CancellationToken cancellationToken) =>
            Inner.WaitForCompletionAsync(instanceId, cancellationToken);

        public Task TerminateAsync(string instanceId, string? reason, CancellationToken cancellationToken) => Inner.TerminateAsync(instanceId, reason, cancellationToken);

        public Task RaiseEventAsync(string instanceId, string eventName, string? payloadJson, CancellationToken cancellationToken) =>
            Inner.RaiseEventAsync(instanceId, eventName, payloadJson, cancellationToken);
    }
}
