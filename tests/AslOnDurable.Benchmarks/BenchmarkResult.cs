namespace AslOnDurable.Benchmarks;

/// <summary>One definition's figures, as the bench contract asks for them.</summary>
internal sealed record BenchmarkResult(
    string Name,
    long Transitions,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double TransitionsPerSecond,
    double AllocatedBytesPerTransition,
    string Status)
{
    /// <summary>Gets the history mode (off, on, stream, api).</summary>
    public string History { get; init; } = "on";

    /// <summary>Gets how many events one run kept (modes that keep events).</summary>
    public long Events { get; init; }

    /// <summary>Gets the managed memory held per kept event after a full collection (modes that keep events).</summary>
    public double RetainedBytesPerEvent { get; init; }

    /// <summary>Gets the process CPU time per measured run (all threads: firmer than wall time on a loaded machine).</summary>
    public double CpuMs { get; init; }

    /// <summary>Gets the time the garbage collector paused the process per measured run.</summary>
    public double GcPauseMs { get; init; }

    /// <summary>
    /// Gets the garbage collections per measured run (every generation: a gen1 or gen2 collection also collects gen0).
    /// Their number follows the gen0 budget, which the runtime sizes from the CPU cache; where the cache size cannot be
    /// read (this machine), the budget is the runtime's small fallback and collections are far more frequent.
    /// </summary>
    public double CollectionsPerRun { get; init; }

    /// <summary>Gets the methods the JIT compiled per measured run (any tier: tier-0 code and its later tier-1 rejit).</summary>
    public double JittedMethodsPerRun { get; init; }

    /// <summary>Gets the time the JIT spent compiling per measured run (all threads, the tiering thread included).</summary>
    public double JitMs { get; init; }
}
