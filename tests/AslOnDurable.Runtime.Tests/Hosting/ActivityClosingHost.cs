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
/// A self-host set up as the Functions app closes abandoned work (<see cref="ActivityClosingTests"/>): orchestrators that
/// terminate their open children, Task activities that watch their instance, a held/failing Lambda handler, a
/// <c>.sync</c> child that waits an hour, an in-memory item store.
/// </summary>
internal sealed class ActivityClosingHost : IAsyncDisposable
{
    public const string Prefix = "arn:aws:states:us-east-1:123456789012";

    private ActivityClosingHost(DurableSelfHost host, AbandonedWorkTests.HeldOrFailingHandler held, MemoryItemStore items) =>
        (Host, Held, Items) = (host, held, items);

    public DurableSelfHost Host { get; }

    public AbandonedWorkTests.HeldOrFailingHandler Held { get; }

    public MemoryItemStore Items { get; }

    /// <summary>Starts the host (the options should turn <see cref="SelfHostOptions.ClosingService"/> off).</summary>
    public static async Task<ActivityClosingHost> StartAsync(SelfHostOptions options)
    {
        AbandonedWorkTests.HeldOrFailingHandler held = new();
        MemoryItemStore items = new();
        LateClient watch = new();
        ExecutionPlanCache plans = new();
        ITaskHandler tasks = new Router(held, StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{Prefix}:stateMachine:Hour", DefinitionFiles.Read("nested", "child-hour"))]), Guid.NewGuid));
        DurableTaskCatalog catalog = DurableTaskCatalog.ForStateMachines(tasks, plans, itemStore: items)
            .WithOrchestrator(OrchestratorNames.StateMachine, () => new StateMachineOrchestrator(plans, closesOpenChildren: true))
            .WithOrchestrator(OrchestratorNames.MapRun, () => new MapRunOrchestrator(closesOpenChildren: true))
            .WithActivity(ActivityNames.StateMachineTask, () => new StateMachineTaskActivity(tasks, instances: watch));
        DurableSelfHost host = await DurableSelfHost.StartAsync(options, catalog, NullLoggerFactory.Instance, CancellationToken.None);
        watch.Inner = host.Client;
        return new ActivityClosingHost(host, held, items);
    }

    public async ValueTask DisposeAsync()
    {
        Held.Release();
        await Host.DisposeAsync();
    }

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
