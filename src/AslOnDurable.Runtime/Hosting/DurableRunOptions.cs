using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>How <see cref="DurableStateMachineRunner"/> runs one execution.</summary>
public sealed record DurableRunOptions
{
    /// <summary>The connection string Azurite answers on its default ports.</summary>
    public const string AzuriteConnectionString = "UseDevelopmentStorage=true";

    /// <summary>Gets the backend and task hub (default: the embedded in-memory backend).</summary>
    public SelfHostOptions Host { get; init; } = new();

    /// <summary>
    /// Gets whether an in-memory run always starts a <see cref="DurableSelfHost"/> (a <c>TaskHubWorker</c>), even for an
    /// execution that <see cref="InProcessOrchestrationDriver"/> could run (the default, which starts much faster).
    /// </summary>
    public bool UseWorker { get; init; }

    /// <summary>Gets the state machine name (<c>$$.StateMachine.Name</c>), or <c>null</c> for the engine's default.</summary>
    public string? StateMachineName { get; init; }

    /// <summary>Gets the execution name (<c>$$.Execution.Name</c>, also the instance id), or <c>null</c> for a new GUID.</summary>
    public string? ExecutionName { get; init; }

    /// <summary>Gets the payload quota in bytes.</summary>
    public int MaxPayloadBytes { get; init; } = ExecutionOptions.DefaultMaxPayloadBytes;

    /// <summary>Gets the most states entered plus retries (<see cref="ExecutionOptions.MaxStateTransitions"/>).</summary>
    public long MaxStateTransitions { get; init; } = ExecutionOptions.DefaultMaxStateTransitions;

    /// <summary>Gets a sink that receives the execution's ASL history events live (each once), or <c>null</c>.</summary>
    public IHistorySink? History { get; init; }

    /// <summary>Gets whether Wait states and retry intervals complete at once on a virtual clock (no real sleeping).</summary>
    public bool SkipWaits { get; init; }

    /// <summary>Traces and metrics of the executions this host runs (<c>asl run --otel</c>), or <c>null</c> for none.</summary>
    public Observability.ExecutionTelemetry? Telemetry { get; init; }

    /// <summary>The <c>loggingConfiguration.level</c> the execution logs at (ALL, ERROR, FATAL, OFF; <c>asl run --log-level</c>).</summary>
    public string? LogLevel { get; init; }

    /// <summary>The <c>loggingConfiguration.includeExecutionData</c> (<c>asl run --log-execution-data</c>).</summary>
    public bool LogExecutionData { get; init; }

    /// <summary>
    /// Gets after how many durable actions (task calls, timers) a generation continues as new, or <c>null</c> for
    /// <see cref="Durable.StateMachineOrchestrator.DefaultMaxActionsPerGeneration"/> (stored with the execution).
    /// </summary>
    public int? MaxActionsPerGeneration { get; init; }

    /// <summary>Gets the logger factory for the self-host and DurableTask.Core, or <c>null</c> for none.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>Gets the items per chunk of distributed Map runs, or <c>null</c> for the default (100).</summary>
    public int? MapRunChunkSize { get; init; }

    /// <summary>Gets the chunks a map-run generation runs before it continues as new, or <c>null</c> for the default (50).</summary>
    public int? MapRunChunksPerGeneration { get; init; }

    /// <summary>Gets where distributed Maps read items and write results, or <c>null</c> for none.</summary>
    public Core.Engine.Items.IItemStore? ItemStore { get; init; }

    /// <summary>
    /// Returns the item store for an <c>--items-folder</c> / <c>--storage</c> pair: the folder when given, else the
    /// storage account's Blob Storage (Azurite for <c>azurite</c>), else the current directory (a newcomer's default).
    /// </summary>
    /// <param name="itemsFolder">The folder standing in for a storage account, or <c>null</c>.</param>
    /// <param name="storage">The <c>--storage</c> value, or <c>null</c>.</param>
    /// <returns>The store.</returns>
    public static Core.Engine.Items.IItemStore ItemStoreFor(string? itemsFolder, string? storage) =>
        itemsFolder is not null ? new Storage.FolderItemStore(itemsFolder)
        : !string.IsNullOrWhiteSpace(storage) ? new Storage.AzureBlobItemStore(BackendFor(storage).StorageConnectionString!)
        : new Storage.FolderItemStore(Directory.GetCurrentDirectory());

    /// <summary>
    /// The backend for a CLI <c>--storage</c> value: none is the in-memory backend, <c>azurite</c> is Azurite on its
    /// default ports (it must be running), anything else an Azure Storage connection string.
    /// </summary>
    /// <param name="storage">The option value, or <c>null</c>.</param>
    /// <returns>The self-host options.</returns>
    public static SelfHostOptions BackendFor(string? storage) =>
        string.IsNullOrWhiteSpace(storage)
            ? new SelfHostOptions()
            : new SelfHostOptions
            {
                Backend = DurableBackend.AzureStorage,
                StorageConnectionString = string.Equals(storage, "azurite", StringComparison.OrdinalIgnoreCase) ? AzuriteConnectionString : storage,
            };
}
