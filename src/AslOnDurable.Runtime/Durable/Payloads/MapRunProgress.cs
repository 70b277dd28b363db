namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>Where a map run stands: counters and the next chunk, carried across continue-as-new generations.</summary>
/// <param name="Generation">The continue-as-new generation.</param>
/// <param name="StartDate">When the map run started.</param>
/// <param name="ItemCount">Items read.</param>
/// <param name="ChunkCount">Chunks staged.</param>
/// <param name="NextChunk">The first chunk not yet run.</param>
public sealed record MapRunProgress(int Generation, DateTimeOffset StartDate, long ItemCount, int ChunkCount, int NextChunk)
{
    /// <summary>Child executions that succeeded.</summary>
    public long SucceededChildren { get; init; }

    /// <summary>Child executions that failed (timed out, aborted).</summary>
    public long FailedChildren { get; init; }

    /// <summary>Items that succeeded.</summary>
    public long SucceededItems { get; init; }

    /// <summary>Items in failed children.</summary>
    public long FailedItems { get; init; }

    /// <summary>Failed STANDARD children a redrive could not redrive.</summary>
    public long NotRedrivableChildren { get; init; }

    /// <summary>Items in failed STANDARD children a redrive could not redrive.</summary>
    public long NotRedrivableItems { get; init; }

    /// <summary>A redrive: unsuccessful items of the previous run not yet restarted (AWS's <c>pendingRedrive</c>).</summary>
    public long PendingRedriveItems { get; init; }

    /// <summary>A redrive: unsuccessful children of the previous run not yet restarted.</summary>
    public long PendingRedriveChildren { get; init; }

    /// <summary>Items of the children still running when the map run failed (AWS aborts them).</summary>
    public long AbortedItems { get; init; }

    /// <summary>Children still running when the map run failed.</summary>
    public long AbortedChildren { get; init; }

    /// <summary>The first failed child's error.</summary>
    public string? FirstError { get; init; }

    /// <summary>The first failed child's cause.</summary>
    public string? FirstCause { get; init; }
}
