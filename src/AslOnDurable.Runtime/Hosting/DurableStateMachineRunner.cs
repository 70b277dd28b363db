using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;
using AslOnDurable.Core.Json;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>
/// Runs one Standard workflow execution durably and returns its result: in memory, an execution that needs no message
/// from outside its instance runs on an <see cref="InProcessOrchestrationDriver"/> (the same orchestrator and replay,
/// without a worker's start-up); otherwise it starts a <see cref="DurableSelfHost"/> (in-memory, or Azure Storage),
/// runs <see cref="StateMachineOrchestrator"/> once and stops the host. This is what <c>asl run</c> calls (without
/// <c>--express</c>).
/// </summary>
public static class DurableStateMachineRunner
{
    /// <summary>Runs one execution on a self-host of its own.</summary>
    /// <param name="definitionJson">The ASL definition text (validate it first to show diagnostics; an invalid one ends FAILED with <c>States.Runtime</c>).</param>
    /// <param name="input">The execution input.</param>
    /// <param name="tasks">Runs Task states (for example a <c>MockTaskHandler</c> over <c>TaskHandlerRegistry.Empty</c>).</param>
    /// <param name="options">Backend, names, quota, live history.</param>
    /// <param name="cancellationToken">Stops the execution: it is terminated and reported <c>ABORTED</c>.</param>
    /// <returns>The result, as the in-memory engine would report it.</returns>
    public static async Task<ExecutionResult> RunAsync(
        string definitionJson, JsonNode? input, ITaskHandler tasks, DurableRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definitionJson);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(options);
        IHistorySink? history = options.History;
        ExecutionPlanCache plans = new();
        DurableTaskCatalog catalog = DurableTaskCatalog.ForStateMachines(
            tasks, plans, history is null ? null : _ => history, options.ItemStore, options.Telemetry);
        if (options.Host.Backend == DurableBackend.InMemory && !options.UseWorker && InProcessOrchestrationDriver.CanRun(plans.Get(definitionJson).Plan?.Definition))
        {
            // The plan compiled here is the one the orchestrator takes from the shared cache.
            using InProcessOrchestrationDriver driver = new(catalog, options.LoggerFactory ?? NullLoggerFactory.Instance);
            return await RunOnAsync(driver, definitionJson, input, options, cancellationToken).ConfigureAwait(false);
        }

        await using DurableSelfHost host = await DurableSelfHost.StartAsync(
            options.Host, catalog, options.LoggerFactory ?? NullLoggerFactory.Instance, cancellationToken).ConfigureAwait(false);
        return await RunOnAsync(host.Client, definitionJson, input, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs one execution on a self-host of its own; the input is JSON text.</summary>
    /// <param name="definitionJson">The ASL definition text.</param>
    /// <param name="inputJson">The execution input as JSON text.</param>
    /// <param name="tasks">Runs Task states.</param>
    /// <param name="options">Backend, names, quota, live history.</param>
    /// <param name="cancellationToken">Stops the execution (reported <c>ABORTED</c>).</param>
    /// <returns>The result.</returns>
    /// <exception cref="FormatException">The input is not JSON.</exception>
    public static Task<ExecutionResult> RunAsync(
        string definitionJson, string inputJson, ITaskHandler tasks, DurableRunOptions options, CancellationToken cancellationToken)
    {
        JsonNode? input;
        try
        {
            input = StrictJson.Parse(inputJson);
        }
        catch (JsonException e)
        {
            throw new FormatException("The execution input is not valid JSON: " + e.Message, e);
        }

        return RunAsync(definitionJson, input, tasks, options, cancellationToken);
    }

    /// <summary>Runs one execution on a running host whose catalog has the state-machine orchestrator.</summary>
    /// <param name="client">The host's client.</param>
    /// <param name="definitionJson">The ASL definition text.</param>
    /// <param name="input">The execution input.</param>
    /// <param name="options">Names and quota (the backend and history settings are the host's).</param>
    /// <param name="cancellationToken">Stops the execution (reported <c>ABORTED</c>).</param>
    /// <returns>The result.</returns>
    internal static async Task<ExecutionResult> RunOnAsync(
        IExecutionClient client, string definitionJson, JsonNode? input, DurableRunOptions options, CancellationToken cancellationToken)
    {
        string instanceId = options.ExecutionName ?? Guid.NewGuid().ToString();
        string payload = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definitionJson, input)
        {
            ExecutionName = options.ExecutionName,
            StateMachineName = options.StateMachineName,
            MaxPayloadBytes = options.MaxPayloadBytes == ExecutionOptions.DefaultMaxPayloadBytes ? null : options.MaxPayloadBytes,
            SkipWaits = options.SkipWaits ? true : null,
            MaxStateTransitions = options.MaxStateTransitions == ExecutionOptions.DefaultMaxStateTransitions ? null : options.MaxStateTransitions,
            MaxActionsPerGeneration = options.MaxActionsPerGeneration ?? StateMachineOrchestrator.StartMaxActionsPerGeneration,
            MapRunChunkSize = options.MapRunChunkSize,
            MapRunChunksPerGeneration = options.MapRunChunksPerGeneration,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
            LogLevel = Observability.ExecutionLogLevels.LogsAnything(options.LogLevel) ? options.LogLevel : null,
            LogExecutionData = options.LogExecutionData ? true : null,
        });
        await client.StartAsync(OrchestratorNames.StateMachine, instanceId, payload, cancellationToken).ConfigureAwait(false);
        try
        {
            // Long loops continue as new (same instance id, new execution id): the clients' waits already follow the
            // instance to its last generation; should one report the instance between two generations, wait again.
            ExecutionSnapshot snapshot = await client.WaitForCompletionAsync(instanceId, cancellationToken).ConfigureAwait(false);
            while (snapshot.Status == ExecutionRuntimeStatus.ContinuedAsNew)
            {
                snapshot = await client.WaitForCompletionAsync(instanceId, cancellationToken).ConfigureAwait(false);
            }

            return ToResult(snapshot);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await client.TerminateAsync(instanceId, "Stopped by the caller.", CancellationToken.None).ConfigureAwait(false);
            options.Telemetry?.End(instanceId, "ABORTED", null, DateTimeOffset.UtcNow);
            return new ExecutionResult(ExecutionStatus.Aborted, null, null);
        }
    }

    /// <summary>Maps a finished instance to the execution result: terminated instances are ABORTED executions.</summary>
    /// <param name="snapshot">The terminal snapshot.</param>
    /// <returns>The result.</returns>
    internal static ExecutionResult ToResult(ExecutionSnapshot snapshot) => snapshot.Status switch
    {
        ExecutionRuntimeStatus.Completed when snapshot.OutputJson is { } output =>
            StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(output)),
        ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled => new ExecutionResult(ExecutionStatus.Aborted, null, null),
        _ => new ExecutionResult(
            ExecutionStatus.Failed,
            null,
            new AslError(StatesErrorNames.Runtime, snapshot.Failure is { } f ? $"{f.ErrorType}: {f.Message}" : $"The orchestration ended {snapshot.Status}.")),
    };
}
