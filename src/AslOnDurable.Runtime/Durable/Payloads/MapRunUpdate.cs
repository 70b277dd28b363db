namespace AslOnDurable.Runtime.Durable.Payloads;

/// <summary>
/// UpdateMapRun's new settings, raised to the map-run orchestration as the <see cref="MapRuns.MapRunOrchestrator.UpdateEventName"/>
/// event; each field left <see langword="null"/> keeps its value. Chunks not yet started use them.
/// </summary>
/// <param name="Version">The payload version.</param>
public sealed record MapRunUpdate(int Version)
{
    /// <summary>The new MaxConcurrency (0: as many as the backend allows).</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The new ToleratedFailureCount.</summary>
    public long? ToleratedFailureCount { get; init; }

    /// <summary>The new ToleratedFailurePercentage.</summary>
    public double? ToleratedFailurePercentage { get; init; }
}
