using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Executions;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Runs Microsoft.DurableTask orchestrators and activities on DurableTask.Core's <see cref="TaskHubWorker"/> in this
/// process, through <see cref="DurableTaskShimFactory"/>: no gRPC sidecar, no Functions host. The same classes run
/// in the Functions app.
/// </summary>
public sealed class DurableSelfHost : IAsyncDisposable
{
    private readonly TaskHubWorker worker;
    private readonly ILogger logger;
    private readonly SelfHostOptions options;
    private readonly HandOverOrchestrationService? handOver;

    private DurableSelfHost(TaskHubWorker worker, HandOverOrchestrationService? handOver, IExecutionClient client, ILogger logger, SelfHostOptions options)
    {
        this.worker = worker;
        this.handOver = handOver;
        this.logger = logger;
        this.options = options;
        Client = client;
    }

    /// <summary>Gets the client for executions on this host's task hub.</summary>
    public IExecutionClient Client { get; }

    /// <summary>Creates the task hub if needed and starts the worker.</summary>
    /// <param name="options">Backend and task hub.</param>
    /// <param name="catalog">The orchestrators and activities to register (plus <see cref="ActivityNames.StartExecution"/> and <see cref="ActivityNames.CloseChildren"/>, which use this host's client).</param>
    /// <param name="loggerFactory">The logger factory (DurableTask.Core logs through it too).</param>
    /// <param name="cancellationToken">Cancels before the worker starts.</param>
    /// <returns>The running host; dispose it to stop.</returns>
    public static async Task<DurableSelfHost> StartAsync(
        SelfHostOptions options, DurableTaskCatalog catalog, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        (IOrchestrationService service, IOrchestrationServiceClient serviceClient) = OrchestrationServiceFactory.Create(options, loggerFactory);
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        // The client exists before the worker starts, so activities that start executions can use it.
        TaskHubClient client = new(serviceClient, loggerFactory: loggerFactory);
        TaskHubExecutionClient executionClient = new(client);
        catalog = catalog.WithClient(executionClient)
            .WithActivity(ActivityNames.StartExecution, () => new StartExecutionActivity(executionClient))
            .WithActivity(ActivityNames.CloseChildren, () => new CloseChildrenActivity(executionClient));
        DurableTaskShimFactory shims = new(new DurableTaskWorkerOptions { DataConverter = DurablePayloadConverter.Instance }, loggerFactory);
        // A durable backend shared with other workers gets its in-flight work handed over when this host stops.
        // Every host closes an execution whose result is decided though work it abandoned is still open.
        IOrchestrationService closing = options.ClosingService ? new ClosingOrchestrationService(service, catalog.Terminated) : service;
        HandOverOrchestrationService? handOver = options.Backend == DurableBackend.InMemory ? null : new(closing);
        TaskHubWorker worker = new(handOver ?? closing, loggerFactory);
        worker.AddTaskOrchestrations(catalog.Orchestrators
            .Select(o => (ObjectCreator<TaskOrchestration>)new ShimObjectCreator<TaskOrchestration>(
                o.Key, () => shims.CreateOrchestration(new TaskName(o.Key), o.Value())))
            .ToArray());
        worker.AddTaskActivities(catalog.Activities
            .Select(a => (ObjectCreator<TaskActivity>)new ShimObjectCreator<TaskActivity>(
                a.Key, () => shims.CreateActivity(new TaskName(a.Key), a.Value())))
            .ToArray());

        cancellationToken.ThrowIfCancellationRequested();
        await worker.StartAsync().ConfigureAwait(false);

        ILogger logger = loggerFactory.CreateLogger<DurableSelfHost>();
        Log.SelfHostStarted(logger, options.Backend, options.TaskHubName, catalog.Orchestrators.Count, catalog.Activities.Count);
        return new DurableSelfHost(worker, handOver, executionClient, logger, options);
    }

    /// <summary>
    /// Stops the worker and its orchestration service. On a durable backend shared with other workers (Azure Storage)
    /// it first hands its work over (<see cref="HandOverOrchestrationService"/>): no new activities, those running get
    /// <see cref="SelfHostOptions.HandOverGrace"/> to finish and their completions <see cref="SelfHostOptions.HandOverSettle"/> to be processed here;
    /// activities still running are abandoned, so the next worker runs them within seconds instead of after the
    /// message visibility timeout. Then the worker stops forced (its partitions are released).
    /// </summary>
    /// <returns>A task that completes when the worker has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (handOver is not null)
        {
            int abandoned = await handOver.HandOverAsync(options.HandOverGrace, options.HandOverSettle).ConfigureAwait(false);
            Log.SelfHostHandedOver(logger, options.TaskHubName, abandoned);
        }

        await worker.StopAsync(isForced: true).ConfigureAwait(false);
        worker.Dispose();
        Log.SelfHostStopped(logger, options.TaskHubName);
    }
}
