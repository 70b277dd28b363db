namespace AslOnDurable.Benchmarks;

/// <summary>Command-line options of the benchmark program.</summary>
internal sealed record BenchOptions(string? Definitions, int Warmups, int Runs, bool History, string? JsonReport, IReadOnlySet<string> Names, bool Jsonata, double BatchMs, int Batches)
{
    public static BenchOptions Parse(string[] args)
    {
        string? definitions = null;
        string? json = null;
        int warmups = 2, runs = 7;
        var history = true;
        var jsonata = false;
        double batchMs = 100;
        var batches = 5;
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--definitions": definitions = args[++i]; break;
                case "--warmups": warmups = int.Parse(args[++i]); break;
                case "--runs": runs = int.Parse(args[++i]); break;
                case "--history": history = args[++i] != "off"; break;
                case "--json": json = args[++i]; break;
                case "--jsonata": jsonata = true; break;
                case "--ms": batchMs = double.Parse(args[++i]); break;
                case "--batches": batches = int.Parse(args[++i]); break;
                default: names.Add(args[i]); break;
            }
        }

        return new BenchOptions(definitions ?? FindDefinitions(), warmups, runs, history, json, names, jsonata, batchMs, batches);
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
