namespace AslOnDurable.Benchmarks;

/// <summary>Options of <c>--durable</c>.</summary>
/// <param name="Count">Task states in the sequence and branches in the fan-out.</param>
/// <param name="Runs">Measured runs per workflow and variant (in memory; Azure Storage runs min(Runs, 5)).</param>
/// <param name="Warmups">Unmeasured runs first.</param>
/// <param name="Storage">An Azure Storage connection string to measure too, or <c>null</c>.</param>
/// <param name="Azurite">Start Azurite (from .ci/node_modules or PATH) on free loopback ports and measure on it too.</param>
internal sealed record DurableBenchOptions(int Count, int Runs, int Warmups, string? Storage, bool Azurite)
{
    /// <summary>
    /// Unmeasured runs of <c>--durable</c> by default: enough calls (each run of a variant is ~100 orchestrator
    /// episodes and activity calls) for the tiered JIT to have promoted both orchestrators' hot code to tier 1 before
    /// the first measured run (with 5, part of that promotion fell into the measured runs, unevenly).
    /// </summary>
    public const int DefaultWarmups = 40;

    /// <summary>Measured runs of <c>--durable</c> by default.</summary>
    public const int DefaultRuns = 15;

    /// <summary>Unmeasured runs of <c>--durable-replay</c> by default (a run is 2 episodes of ~3 ms: tier-1 needs many).</summary>
    public const int ReplayWarmups = 300;

    /// <summary>Measured runs of <c>--durable-replay</c> by default.</summary>
    public const int ReplayRuns = 101;

    /// <summary>Gets the ASL orchestrator's continue-as-new interval in durable actions, or <c>null</c> for the engine's default.</summary>
    public int? ActionsPerGeneration { get; init; }

    /// <summary>Gets the workflow kinds to run (<c>seq</c>, <c>map</c>); empty for all.</summary>
    public IReadOnlySet<string> Only { get; init; } = new HashSet<string>();

    /// <summary>Whether a workflow (named <c>kind-count</c>) is selected.</summary>
    public bool Selects(string workflow) => Only.Count == 0 || Only.Contains(workflow[..workflow.IndexOf('-', StringComparison.Ordinal)]);
}
