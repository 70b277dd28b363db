using AslOnDurable.Core.Engine.MapRuns;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>The input of a map-run activity: stage the items, run a chunk, give a chunk's child inputs, or finish.</summary>
/// <param name="Version">The payload version.</param>
/// <param name="Definition">The parent's definition text.</param>
/// <param name="Request">The map run.</param>
/// <param name="Chunk">The chunk (staging and finishing: the chunk count).</param>
/// <param name="ChunkSize">Items per chunk.</param>
public sealed record MapRunActivityInput(int Version, string Definition, MapRunRequest Request, int Chunk, int ChunkSize)
{
    /// <summary>The payload quota, or <see langword="null"/> for AWS's.</summary>
    public int? MaxPayloadBytes { get; init; }

    /// <summary>Whether waits in EXPRESS children complete at once (test mode).</summary>
    public bool? SkipWaits { get; init; }

    /// <summary>Whether finishing keeps the working blobs (the map run failed: a redrive of the parent reads them).</summary>
    public bool? KeepWorkingData { get; init; }

    /// <summary>
    /// Whether the definition and the request's inputs and variables were left out (a chunk's input: they stay in the map
    /// run's working blob <c>run.json</c>, written when staging, so the history does not repeat them per chunk).
    /// </summary>
    public bool? Slim { get; init; }

    /// <summary>When the map run started (staging writes it into <c>run.json</c>, where a redrive finds it).</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>The first child of the window whose inputs are asked for (STANDARD children; <see langword="null"/>: 0).</summary>
    public int? FirstChild { get; init; }

    /// <summary>How many children the window holds at most (STANDARD children; <see langword="null"/>: the whole chunk).</summary>
    public int? ChildWindow { get; init; }

    /// <summary>
    /// Finishing a map run that ended without its running chunks: those chunks, whose result files and working results (a
    /// chunk activity that wrote before it saw the end) the finish leaves out.
    /// </summary>
    public IReadOnlyList<int>? AbortedChunks { get; init; }

    /// <summary>The STANDARD children that ran (recording a chunk), in item order.</summary>
    public IReadOnlyList<MapRunChild>? Children { get; init; }

    /// <summary>
    /// Recording a chunk the failing map run ended without: its children in item order, as far as they started (a finished
    /// child's outcome, a running one as ABORTED), <see langword="null"/> for those never started.
    /// </summary>
    public IReadOnlyList<MapRunChild?>? AbortedChildren { get; init; }
}
