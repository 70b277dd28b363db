using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Input of <see cref="StateMachineOrchestrator"/>: what to run and with which input (stored in durable history).</summary>
/// <param name="Version">The record version (<see cref="PayloadVersion.Current"/> when written).</param>
/// <param name="Definition">The ASL definition text.</param>
/// <param name="Input">The execution input (any JSON value; <c>null</c> for JSON null).</param>
/// <remarks>
/// The definition travels as text for now; a registry reference (state machine ARN + version) will be an optional
/// field so in-flight executions keep working.
/// </remarks>
[JsonConverter(typeof(StateMachineInputConverter))]
public sealed record StateMachineInput(int Version, string Definition, JsonNode? Input)
{
    /// <summary>Gets the execution name (<c>$$.Execution.Name</c>); the instance id when absent.</summary>
    public string? ExecutionName { get; init; }

    /// <summary>Gets the state machine name (<c>$$.StateMachine.Name</c>); the engine's default when absent.</summary>
    public string? StateMachineName { get; init; }

    /// <summary>Gets the ARN prefix (<c>arn:aws:states:region:account</c>); the engine's default when absent.</summary>
    public string? ArnPrefix { get; init; }

    /// <summary>Gets the role ARN (<c>$$.Execution.RoleArn</c>); the engine's default when absent.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Gets the payload quota in bytes; the engine's default (256 KiB) when absent.</summary>
    public int? MaxPayloadBytes { get; init; }

    /// <summary>Gets the most states entered plus retries; the engine's default when absent.</summary>
    public long? MaxStateTransitions { get; init; }

    /// <summary>Gets how deep this execution was started by others (absent: 0, a top-level execution).</summary>
    public int? NestingDepth { get; init; }

    /// <summary>
    /// Gets whether Wait states and retry intervals complete at once while the execution's clock moves on by the
    /// skipped time (a test mode for <c>asl run</c> and conformance runs; absent means real durable timers).
    /// </summary>
    public bool? SkipWaits { get; init; }

    /// <summary>
    /// Gets where a continued-as-new execution resumes; absent for the first generation. <see cref="Input"/> stays
    /// the original execution input (<c>$$.Execution.Input</c>) in every generation.
    /// </summary>
    public StateMachineContinuation? Continuation { get; init; }

    /// <summary>
    /// Gets after how many durable actions (task calls and timers) a generation continues as new at the next
    /// top-level state boundary; <see cref="StateMachineOrchestrator.DefaultMaxActionsPerGeneration"/> when absent.
    /// Starters write <see cref="StateMachineOrchestrator.StartMaxActionsPerGeneration"/>: stored with the execution, so
    /// a changed default never alters the replay of one in flight.
    /// </summary>
    public int? MaxActionsPerGeneration { get; init; }

    /// <summary>
    /// Gets after how many ASL history events a generation continues as new at the next top-level state boundary
    /// (bounds replay work of loops without durable actions); <see cref="StateMachineOrchestrator.DefaultMaxEventsPerGeneration"/> when absent.
    /// </summary>
    public int? MaxEventsPerGeneration { get; init; }

    /// <summary>Items per chunk of this execution's map runs, or <c>null</c> for <see cref="MapRuns.MapRunOrchestrator.DefaultChunkSize"/>.</summary>
    public int? MapRunChunkSize { get; init; }

    /// <summary>Chunks per map-run generation, or <c>null</c> for <see cref="MapRuns.MapRunOrchestrator.DefaultMaxChunksPerGeneration"/>.</summary>
    public int? MapRunChunksPerGeneration { get; init; }
    /// <summary>
    /// The W3C <c>traceparent</c> of whatever started the execution (an HTTP request, a parent execution's task), so its
    /// spans join that trace; <see langword="null"/> starts a trace of its own.
    /// </summary>
    public string? TraceParent { get; init; }

    /// <summary>The state machine's <c>loggingConfiguration.level</c> when the execution started (ALL, ERROR, FATAL); absent is OFF.</summary>
    public string? LogLevel { get; init; }

    /// <summary>The state machine's <c>loggingConfiguration.includeExecutionData</c>; absent is false.</summary>
    public bool? LogExecutionData { get; init; }

    /// <summary>The map run that started this execution (a STANDARD map-run child), or <see langword="null"/>.</summary>
    public string? MapRunArn { get; init; }
}
