namespace AslOnDurable.Benchmarks;

/// <summary>Command-line options of the benchmark program.</summary>
internal sealed record BenchOptions(string? Definitions, int Warmups, int Runs, string History, string? JsonReport, IReadOnlySet<string> Names, bool Jsonata, double BatchMs, int Batches)
{
    /// <summary>Gets the durable mode's settings, or <c>null</c> when not in that mode.</summary>
    public DurableBenchOptions? Durable { get; init; }

    /// <summary>Gets a value indicating whether to measure orchestrator replay alone (<c>--durable-replay</c>).</summary>
    public bool DurableReplay { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        string? definitions = null;
        string? json = null;
        int warmups = 2, runs = 7;
        var history = "on";
        var jsonata = false;
        double batchMs = 100;
        var batches = 5;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var durable = false;
        var replay = false;
        var azurite = false;
        string? storage = null;
        int? durableRuns = null;
        int? durableWarmups = null;
        var count = 100;
        int? actionsPerGeneration = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--definitions": definitions = args[++i]; break;
                case "--warmups": warmups = int.Parse(args[++i]); durableWarmups = warmups; break;
                case "--runs": runs = int.Parse(args[++i]); durableRuns = runs; break;
                case "--durable": durable = true; break;
                case "--durable-replay": durable = replay = true; break;
                case "--azurite": azurite = true; break;
                case "--storage": storage = args[++i]; break;
                case "--count": count = int.Parse(args[++i]); break;
                case "--actions-per-generation": actionsPerGeneration = int.Parse(args[++i]); break;
                case "--history": history = args[++i]; break;
                case "--json": json = args[++i]; break;
                case "--jsonata": jsonata = true; break;
                case "--ms": batchMs = double.Parse(args[++i]); break;
                case "--batches": batches = int.Parse(args[++i]); break;
                default: names.Add(args[i]); break;
            }
        }

        return new BenchOptions(definitions ?? FindDefinitions(), warmups, runs, history, json, names, jsonata, batchMs, batches)
        {
            Durable = durable ? new DurableBenchOptions(
                count,
                durableRuns ?? (replay ? DurableBenchOptions.ReplayRuns : DurableBenchOptions.DefaultRuns),
                durableWarmups ?? (replay ? DurableBenchOptions.ReplayWarmups : DurableBenchOptions.DefaultWarmups),
                storage,
                azurite) { ActionsPerGeneration = actionsPerGeneration, Only = names } : null,
            DurableReplay = replay,
        };
    }

    private static string? FindDefinitions()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "bench", "definitions");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
