using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Engine.MapRuns;

/// <summary>
/// A map run as the parent evaluated it: where the items are, how children are made and run, where results go, and
/// the context the ItemSelector sees. Small (no items): it travels in durable history.
/// </summary>
public sealed record MapRunRequest
{
    /// <summary>The map run's ARN (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>).</summary>
    public required string MapRunArn { get; init; }

    /// <summary>The map run's id (the last part of its ARN; the ResultWriter's folder).</summary>
    public required string MapRunId { get; init; }

    /// <summary>How many times this map run has been redriven, this redrive included (0: its first run).</summary>
    public int RedriveCount { get; init; }

    /// <summary>When it was last redriven (the parent's redrive time), or <see langword="null"/>.</summary>
    public DateTimeOffset? RedriveDate { get; init; }

    /// <summary>The Map's Label, else its state name.</summary>
    public required string Label { get; init; }

    /// <summary>The Map state's name (unique in the definition).</summary>
    public required string StateName { get; init; }

    /// <summary>Whether the children are EXPRESS executions (ProcessorConfig.ExecutionType).</summary>
    public bool Express { get; init; }

    /// <summary>The ItemReader's Resource.</summary>
    public required string ReaderResource { get; init; }

    /// <summary>The ItemReader's evaluated Parameters/Arguments.</summary>
    public JsonNode? ReaderArguments { get; init; }

    /// <summary>The ItemReader's ReaderConfig.</summary>
    public JsonObject? ReaderConfig { get; init; }

    /// <summary>The evaluated MaxItems, or <see langword="null"/>.</summary>
    public double? MaxItems { get; init; }

    /// <summary>MaxConcurrency (0: as many as the backend allows).</summary>
    public int MaxConcurrency { get; init; }

    /// <summary>ToleratedFailureCount, or <see langword="null"/>.</summary>
    public double? ToleratedFailureCount { get; init; }

    /// <summary>ToleratedFailurePercentage, or <see langword="null"/>.</summary>
    public double? ToleratedFailurePercentage { get; init; }

    /// <summary>The ItemBatcher, evaluated, or <see langword="null"/> without one.</summary>
    public MapRunBatcher? Batcher { get; init; }

    /// <summary>The ResultWriter, evaluated, or <see langword="null"/> without one.</summary>
    public MapRunWriter? Writer { get; init; }

    /// <summary>The Map state's raw input (JSONata <c>$states.input</c>).</summary>
    public JsonNode? RawInput { get; init; }

    /// <summary>The Map state's effective input (after InputPath; what ItemSelector paths read).</summary>
    public JsonNode? EffectiveInput { get; init; }

    /// <summary>The variables visible in the Map state.</summary>
    public JsonObject? Variables { get; init; }

    /// <summary>The execution's name.</summary>
    public required string ExecutionName { get; init; }

    /// <summary>The state machine's name.</summary>
    public required string StateMachineName { get; init; }

    /// <summary>The execution's <c>arn:aws:states:&lt;region&gt;:&lt;account&gt;</c>.</summary>
    public required string ArnPrefix { get; init; }

    /// <summary>The execution's input (<c>$$.Execution.Input</c>).</summary>
    public JsonNode? ExecutionInput { get; init; }

    /// <summary>When the execution started.</summary>
    public required DateTimeOffset ExecutionStartTime { get; init; }

    /// <summary>When the Map state was entered (<c>$$.State.EnteredTime</c>).</summary>
    public required DateTimeOffset StateEnteredTime { get; init; }
}
