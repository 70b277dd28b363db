using AslOnDurable.Core.Engine.MapRuns;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// The input of a map-run orchestration (<see cref="OrchestratorNames.MapRun"/>): the parent's definition (its Map state
/// and item processor), the evaluated map run, and from the second generation on its progress. Never items.
/// </summary>
/// <param name="Version">The payload version.</param>
/// <param name="Definition">The parent's definition text.</param>
/// <param name="Request">The map run.</param>
public sealed record MapRunInput(int Version, string Definition, MapRunRequest Request)
{
    /// <summary>The parent's payload quota, or <see langword="null"/> for AWS's.</summary>
    public int? MaxPayloadBytes { get; init; }

    /// <summary>Whether waits in children complete at once (test mode).</summary>
    public bool? SkipWaits { get; init; }

    /// <summary>Chunks a generation handles before it continues as new, or <see langword="null"/> for the default.</summary>
    public int? MaxChunksPerGeneration { get; init; }

    /// <summary>Items per chunk (staged blob), or <see langword="null"/> for the default.</summary>
    public int? ChunkSize { get; init; }

    /// <summary>
    /// Whether a failing STANDARD map run ends at once, its running children answered and aborted by the host's closing
    /// service as AWS aborts them (<see langword="null"/> in map runs started before this field existed: they wait for
    /// their running children, so their replay is unchanged).
    /// </summary>
    public bool? AbortOnFailure { get; init; }

    /// <summary>
    /// Whether a map run that ends without its running STANDARD children (<see cref="AbortOnFailure"/>) first records what
    /// each such chunk's children did (finished, aborted, never started), so a redrive redrives them in place by name
    /// (<see langword="null"/> in map runs started before this field existed: their aborted chunks run whole again).
    /// </summary>
    public bool? RecordAborted { get; init; }

    /// <summary>
    /// Whether a failing map run of EXPRESS children, or a failing redrive, ends at once too, without waiting for its running
    /// chunks: EXPRESS chunk activities then stop (<c>MapRunEndWatch</c>), a redrive's timers between looks at its redriven
    /// STANDARD children are cancelled and those children terminated (<see langword="null"/> in map runs started before this
    /// field existed: they wait for their running chunks, so their replay is unchanged).
    /// </summary>
    public bool? AbortRunningChunks { get; init; }

    /// <summary>Where the map run stands (from the second generation on).</summary>
    public MapRunProgress? Progress { get; init; }
}
