using System.Text.Json.Nodes;

namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>What a map-run activity reports: counts, a chunk's child inputs, the Map's output, or the error that fails it.</summary>
/// <param name="Version">The payload version.</param>
public sealed record MapRunActivityResult(int Version)
{
    /// <summary>Items staged.</summary>
    public long? ItemCount { get; init; }

    /// <summary>Chunks staged.</summary>
    public int? ChunkCount { get; init; }

    /// <summary>When the map run first started (a redrive's staging: from <c>run.json</c>).</summary>
    public DateTimeOffset? StartDate { get; init; }

    /// <summary>Children of the chunk that succeeded.</summary>
    public int? Succeeded { get; init; }

    /// <summary>Children of the chunk that failed.</summary>
    public int? Failed { get; init; }

    /// <summary>Items in the chunk's failed children.</summary>
    public long? FailedItems { get; init; }

    /// <summary>Items in the chunk.</summary>
    public long? Items { get; init; }

    /// <summary>The first error (a failed child's, or the activity's own).</summary>
    public string? Error { get; init; }

    /// <summary>Its cause.</summary>
    public string? Cause { get; init; }

    /// <summary>Whether <see cref="Error"/> fails the map run itself (reader, writer, data limit) rather than one child.</summary>
    public bool? Fatal { get; init; }

    /// <summary>Redriving a STANDARD chunk: its redriven children still run (call again).</summary>
    public bool? Pending { get; init; }

    /// <summary>
    /// Redriving a STANDARD chunk (a <see cref="Pending"/> answer): the instance ids of the children this redrive redrove in
    /// place or started, which a redriven map run that fails meanwhile terminates (they are top-level instances, not its own).
    /// </summary>
    public IReadOnlyList<string>? Redriven { get; init; }

    /// <summary>Redriving a STANDARD chunk: it has no recorded result (or the host cannot redrive children), so it runs whole.</summary>
    public bool? RunWhole { get; init; }

    /// <summary>Redriving a STANDARD chunk: its unsuccessful children that could not be redriven (AWS's failuresNotRedrivable).</summary>
    public int? NotRedrivable { get; init; }

    /// <summary>Items in its unsuccessful children that cannot be redriven (AWS's itemCounts <c>failuresNotRedrivable</c>).</summary>
    public long? NotRedrivableItems { get; init; }

    /// <summary>A redrive's staging: the unsuccessful items its previous run recorded (AWS's itemCounts <c>pendingRedrive</c> at the start).</summary>
    public long? PendingRedriveItems { get; init; }

    /// <summary>A redrive's staging: the unsuccessful children its previous run recorded (executionCounts <c>pendingRedrive</c>).</summary>
    public long? PendingRedriveChildren { get; init; }

    /// <summary>Redriving a chunk: the items of its previously unsuccessful children, which now left <c>pendingRedrive</c>.</summary>
    public long? RedrivenItems { get; init; }

    /// <summary>Redriving a chunk: its previously unsuccessful children, which now left <c>pendingRedrive</c>.</summary>
    public long? RedrivenChildren { get; init; }

    /// <summary>A window of a chunk's child inputs (STANDARD children).</summary>
    public JsonArray? Inputs { get; init; }

    /// <summary>The chunk's children (STANDARD children: <see cref="Inputs"/> holds one window of them).</summary>
    public int? ChildCount { get; init; }

    /// <summary>The names of a chunk's children, in the order of <see cref="Inputs"/> (STANDARD children).</summary>
    public IReadOnlyList<string>? Names { get; init; }

    /// <summary>The item processor as a state machine definition (STANDARD children).</summary>
    public string? Processor { get; init; }

    /// <summary>The Map's result (finishing).</summary>
    public JsonNode? Output { get; init; }
}
