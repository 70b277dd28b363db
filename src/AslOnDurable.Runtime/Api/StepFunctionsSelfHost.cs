using AslOnDurable.Core.Engine.Items;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Api;

/// <summary>
/// The Step Functions API over a durable self-host (what <c>asl serve</c> runs): one service container with the API's
/// services, and a <see cref="DurableSelfHost"/> whose state machine orchestrator records history into the API's
/// <see cref="IExecutionHistoryStore"/> and runs Task states through the same handlers as EXPRESS executions.
/// </summary>
/// <remarks>
/// On the Azure Storage backend the registry, execution index and history live in the same account's tables (named
/// after the task hub), so a new host on that storage answers for everything the previous one created and ran.
/// </remarks>
public sealed class StepFunctionsSelfHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly DurableSelfHost host;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task sweeping;

    private StepFunctionsSelfHost(ServiceProvider services, DurableSelfHost host, IItemStore? itemStore, TimeSpan sweepInterval, ILogger logger)
    {
        this.services = services;
        this.host = host;
        Dispatcher = services.GetRequiredService<StepFunctionsDispatcher>();

        // Working blobs of map runs past AWS's redrive period: the host deletes them (never orchestrator code).
        sweeping = itemStore is null || sweepInterval <= TimeSpan.Zero
            ? Task.CompletedTask
            : new MapRuns.MapRunWorkingDataSweep(itemStore, host.Client, TimeProvider.System)
                .RunAsync(sweepInterval, e => Log.MapRunSweepFailed(logger, sweepInterval, e), stopping.Token);
    }

    /// <summary>Gets the dispatcher.</summary>
    public StepFunctionsDispatcher Dispatcher { get; }

    /// <summary>Gets the API's services (tests).</summary>
    internal IServiceProvider Services => services;

    /// <summary>Gets the client of the self-host's task hub.</summary>
    public IExecutionClient Client => host.Client;

    /// <summary>Starts the self-host.</summary>
    /// <param name="hostOptions">The durable backend.</param>
    /// <param name="apiOptions">The region and account of ARNs.</param>
    /// <param name="loggerFactory">The logger factory.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <param name="itemStore">
    /// Where distributed Maps read items and write results (e.g. a local folder), or <c>null</c>: then the Blob Storage of
    /// <see cref="SelfHostOptions.StorageConnectionString"/>'s account, else none (such a Map fails naming the missing storage).
    /// </param>
    /// <param name="configureServices">
    /// Adds services before the API's own (for example an <see cref="ITaskHandler"/> for Task states), or <c>null</c>.
    /// </param>
    /// <returns>The running host; dispose it to stop.</returns>
    public static async Task<StepFunctionsSelfHost> StartAsync(
        SelfHostOptions hostOptions, ApiOptions apiOptions, ILoggerFactory loggerFactory, CancellationToken cancellationToken,
        IItemStore? itemStore = null, Action<IServiceCollection>? configureServices = null)
    {
        ServiceCollection collection = new();
        collection.AddSingleton(loggerFactory);
        collection.AddLogging();
        configureServices?.Invoke(collection);
        collection.AddStepFunctionsApi(apiOptions);
        if (hostOptions.Backend == DurableBackend.AzureStorage && hostOptions.StorageConnectionString is { } storage)
        {
            // Executions outlive the process there, so the registry, the execution index and history must too.
            collection.AddStepFunctionsApiStorage(storage, hostOptions.TaskHubName);
        }

        ServiceProvider services = collection.BuildServiceProvider();
        itemStore ??= hostOptions.StorageConnectionString is { } connection ? new Storage.AzureBlobItemStore(connection) : null;
        try
        {
            IExecutionHistoryStore history = services.GetRequiredService<IExecutionHistoryStore>();
            DurableSelfHost? started = null; // the redriven map-run children's client, once the host runs
            Durable.MapRuns.IMapRunChildRedrives childRedrives = MapRuns.MapRunApiHooks.ChildRedrives(services, () => started?.Client);
            DurableTaskCatalog catalog = DurableTaskCatalog.ForStateMachines(
                services.GetRequiredService<ITaskHandler>(), services.GetRequiredService<ExecutionPlanCache>(), history.SinkFor,
                itemStore,
                services.GetRequiredService<ExecutionTelemetry>(),
                MapRuns.MapRunApiHooks.ChildRecorder(services),
                childRedrives).WithTerminated(MapRuns.MapRunApiHooks.TerminationRecorder(services));
            DurableSelfHost host = await DurableSelfHost.StartAsync(hostOptions, catalog, loggerFactory, cancellationToken).ConfigureAwait(false);
            started = host;
            return new StepFunctionsSelfHost(services, host, itemStore, hostOptions.MapRunSweepInterval, loggerFactory.CreateLogger<StepFunctionsSelfHost>());
        }
        catch
        {
            await services.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs one API request against this host.</summary>
    /// <param name="target">The <c>X-Amz-Target</c> header.</param>
    /// <param name="body">The body.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The answer.</returns>
    public Task<ApiResponse> DispatchAsync(string? target, string body, CancellationToken cancellationToken) =>
        Dispatcher.DispatchAsync(target, body, host.Client, cancellationToken);

    /// <summary>Stops the durable worker and releases the services.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await sweeping.ConfigureAwait(false);
        stopping.Dispose();
        await host.DisposeAsync().ConfigureAwait(false);
        await services.DisposeAsync().ConfigureAwait(false);
    }
}
