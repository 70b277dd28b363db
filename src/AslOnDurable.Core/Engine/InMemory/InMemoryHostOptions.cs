namespace AslOnDurable.Core.Engine.InMemory;

/// <summary>Settings of an <see cref="InMemoryExecutionHost"/>.</summary>
public sealed record InMemoryHostOptions
{
    /// <summary>
    /// When <see langword="true"/>, timers fire at once and the host's clock jumps forward by the skipped time
    /// (a virtual clock): Wait and retry semantics hold for every timestamp the execution sees (<c>$$</c>,
    /// EnteredTime, TimeoutSeconds), but nothing really sleeps. Used by tests and conformance runs.
    /// </summary>
    public bool SkipWaits { get; init; }

    /// <summary>A seed for reproducible randomness (jitter, <c>States.MathRandom</c>), or <see langword="null"/>.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>Where distributed Map states read items and write results, or <see langword="null"/> for none.</summary>
    public Items.IItemStore? ItemStore { get; init; }
}
