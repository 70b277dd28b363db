using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;

namespace AslOnDurable.Core.Engine;

/// <summary>Engine settings for one execution.</summary>
public sealed record ExecutionOptions
{
    /// <summary>The AWS default payload quota: 256 KiB.</summary>
    public const int DefaultMaxPayloadBytes = 256 * 1024;

    /// <summary>The AWS limit on the size of one workflow variable: 256 KiB.</summary>
    public const int DefaultMaxVariableBytes = 256 * 1024;

    /// <summary>The AWS limit on the combined size of the variables one <c>Assign</c> field sets: 256 KiB.</summary>
    public const int DefaultMaxAssignBytes = 256 * 1024;

    /// <summary>The AWS limit on the total size of the variables stored in one execution: 10 MiB.</summary>
    public const long DefaultMaxTotalVariableBytes = 10 * 1024 * 1024;

    /// <summary>The payload size quota in UTF-8 bytes (states' inputs/outputs, task results).</summary>
    public int MaxPayloadBytes { get; init; } = DefaultMaxPayloadBytes;

    /// <summary>The size limit of one workflow variable, in UTF-8 bytes of its value's compact JSON text.</summary>
    /// <remarks>AWS fails the assigning state with <c>States.DataLimitExceeded</c> when a variable is larger.</remarks>
    public int MaxVariableBytes { get; init; } = DefaultMaxVariableBytes;

    /// <summary>The limit on the combined size of the variables one <c>Assign</c> field sets, in UTF-8 bytes.</summary>
    /// <remarks>AWS fails the assigning state with <c>States.DataLimitExceeded</c> when they are larger together.</remarks>
    public int MaxAssignBytes { get; init; } = DefaultMaxAssignBytes;

    /// <summary>
    /// The limit on the total size of the variables live in one execution, in UTF-8 bytes: the top-level variables
    /// plus those of the Parallel branches and Map iterations running at the time.
    /// </summary>
    /// <remarks>
    /// AWS fails the assigning state with <c>States.DataLimitExceeded</c> when an assignment would pass it. A branch's
    /// or iteration's variables stop counting when it ends, as AWS discards them then.
    /// </remarks>
    public long MaxTotalVariableBytes { get; init; } = DefaultMaxTotalVariableBytes;

    /// <summary>The default <see cref="MaxInMemoryMapItems"/>: 1,000,000.</summary>
    public const long DefaultMaxInMemoryMapItems = 1_000_000;

    /// <summary>
    /// The most items a Distributed Map's ItemReader may read on a host that runs the map run in memory (no durable map
    /// runs: <c>asl run --express</c>, TestState), which holds every item and child result at once; one more fails the
    /// state with <c>States.ItemReaderFailed</c>. Durable hosts stream the items and are not bound by it.
    /// </summary>
    public long MaxInMemoryMapItems { get; init; } = DefaultMaxInMemoryMapItems;

    /// <summary>The default <see cref="MaxStateTransitions"/>: 1,000,000.</summary>
    public const long DefaultMaxStateTransitions = 1_000_000;

    /// <summary>
    /// The most states one run may enter plus retries it may make (all branches and iterations together) before it fails
    /// with <c>States.Runtime</c>, so an endless Choice loop or a Retry with a huge <c>MaxAttempts</c> ends. The count
    /// goes on across continue-as-new (in the checkpoint).
    /// </summary>
    /// <remarks>
    /// AWS bounds a Standard execution by its 25,000-event history and an Express one by its five minutes; neither
    /// exists here (durable executions continue as new, virtual time skips waits), so the engine counts steps instead.
    /// </remarks>
    public long MaxStateTransitions { get; init; } = DefaultMaxStateTransitions;

    /// <summary>
    /// Stops the run from outside (<c>asl run --max-run-seconds</c>): once cancelled, every frame ends at its next state
    /// as on the execution's own <c>TimeoutSeconds</c>, so the run ends <c>TIMED_OUT</c> with <c>States.Timeout</c>.
    /// Hosts that replay (the durable orchestrator) never set it: they terminate the instance instead.
    /// </summary>
    public CancellationToken Stop { get; init; }

    /// <summary>Where history events go, or <see langword="null"/> to record none (event ids are still counted).</summary>
    public IHistorySink? History { get; init; }

    /// <summary>
    /// The context object every state sees as <c>$$</c> (JSONPath) and <c>$states.context</c> (JSONata) instead of the one
    /// the engine builds, or <see langword="null"/> for the engine's (TestState's <c>context</c>; never changed by the run).
    /// </summary>
    public JsonObject? FixedContextObject { get; init; }
}
