// Engine benchmarks over shared/bench/definitions, following the contract in shared/bench/README.md.
// usage: dotnet run -c Release --project tests/AslOnDurable.Benchmarks -- [--definitions DIR] [--runs N]
//        [--warmups N] [--history on|api|stream|off[,MODE...]] [--json FILE] [--jit-methods] [--alloc-types] [name ...]
//        --jsonata [--ms 100] [--batches 5] [name-substring ...]   (JSONata evaluation throughput)
//        --durable [--count 100] [--runs 15] [--warmups 40] [--azurite] [--storage CONN] [--actions-per-generation N] [seq|map]
//                  (ASL on the durable self-host vs a hand-written orchestrator: in memory, then Azurite/Azure Storage)
//        --durable-replay [--count 100] [--runs 101] [--warmups 300] [--alloc-types|--alloc-count] [seq|map]
//                  (one orchestrator episode replaying a whole history, ASL vs hand-written: the per-episode CPU cost)
//        --map-run [--sizes 10000,100000] [--warmup 10000] [--warmup-rounds 2 (6 with --isolate)] [--rounds 3] [--standard 1000] [--azurite]
//                  [--chunks-per-generation N] [--no-hand] [--isolate] [--alloc-types]
//                  (a distributed Map over JSON Lines in a local folder: items/s and peak memory per item count;
//                  --isolate runs each size in its own process, ASL only, for the memory ratio)
//        --api [--starts 2000] [--clients 50] [--azurite] [--no-embedded] [--storage CONN] [--asl ASL_DLL]
//                  (the Step Functions API on loopback: `asl serve`, StartExecution from concurrent HTTP clients)
//        --startup ASL_DLL DEFINITION [INPUT] [--runs N]
//                  (`asl run` as whole processes, durable default vs --express, alternating; median wall time)
using System.Runtime;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Benchmarks;

if (args.Length >= 3 && args[0] == "--startup")
{
    var startupRuns = 21;
    var positional = new List<string>();
    for (var i = 1; i < args.Length; i++)
    {
        if (args[i] == "--runs")
        {
            startupRuns = int.Parse(args[++i]);
        }
        else
        {
            positional.Add(args[i]);
        }
    }

    return new StartupBenchmark(positional[0], positional[1], positional.Count > 2 ? positional[2] : null, startupRuns).Run();
}

if (args.Length >= 1 && args[0] == "--api")
{
    var api = new ApiBenchOptions(null, 2_000, 50, true, false, null);
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--starts": api = api with { Starts = int.Parse(args[++i]) }; break;
            case "--clients": api = api with { Clients = int.Parse(args[++i]) }; break;
            case "--azurite": api = api with { Azurite = true }; break;
            case "--no-embedded": api = api with { Embedded = false }; break;
            case "--storage": api = api with { Storage = args[++i] }; break;
            case "--asl": api = api with { AslDll = args[++i] }; break;
            default: Console.Error.WriteLine($"error: unknown option {args[i]}"); return 2;
        }
    }

    return await ApiBenchmark.RunAsync(api);
}

if (args.Length >= 1 && args[0] == "--map-run")
{
    int[] sizes = [10_000, 100_000];
    int warmup = 10_000, standard = 0, rounds = 3;
    int? chunksPerGeneration = null, warmupRounds = null;
    var onAzurite = false;
    var noHand = false;
    var isolate = false;
    var allocTypes = false;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--sizes": sizes = [.. args[++i].Split(',').Select(int.Parse)]; break;
            case "--warmup": warmup = int.Parse(args[++i]); break;
            case "--standard": standard = int.Parse(args[++i]); break;
            case "--azurite": onAzurite = true; break;
            case "--chunks-per-generation": chunksPerGeneration = int.Parse(args[++i]); break;
            case "--no-hand": noHand = true; break;
            case "--warmup-rounds": warmupRounds = int.Parse(args[++i]); break;
            case "--rounds": rounds = int.Parse(args[++i]); break;
            case "--isolate": isolate = true; break;
            case "--alloc-types": allocTypes = true; break;
            default: Console.Error.WriteLine($"error: unknown option {args[i]}"); return 2;
        }
    }

    Console.WriteLine($".NET {Environment.Version}, load average {LoadAverage.Read()}");
    // Isolated runs compare peaks across processes: the JIT's code (tier-up and PGO copies, ~23 -> ~36 MiB over a
    // process's first minute) must have settled in both, or the longer run's peak holds code the shorter one never
    // compiled. Six rounds of warm-up settle it; one process for both sizes needs fewer.
    var mapRun = new MapRunBenchOptions(sizes, warmup, standard, onAzurite)
    {
        ChunksPerGeneration = chunksPerGeneration, NoHand = noHand, WarmupRounds = warmupRounds ?? (isolate ? 6 : 2), Rounds = rounds, AllocTypes = allocTypes,
    };
    return isolate ? await MapRunBenchmark.IsolatedAsync(mapRun) : await MapRunBenchmark.RunAsync(mapRun);
}

var options = BenchOptions.Parse(args.Where(a => a is not "--jit-methods" and not "--alloc-types" and not "--alloc-count").ToArray());
using var jitSampler = args.Contains("--jit-methods") ? new JitSampler() : null;
JitSampler.Current = jitSampler;
using var allocationSampler = args.Contains("--alloc-count") ? new AllocationSampler(counting: true) : args.Contains("--alloc-types") ? new AllocationSampler() : null;
DefinitionBenchmark.Allocations = allocationSampler;
if (options.Durable is { } durable)
{
    Console.WriteLine($".NET {Environment.Version}, load average {LoadAverage.Read()}, {durable.Count} tasks per workflow, {durable.Warmups} warm-ups");
    return options.DurableReplay ? await ReplayBenchmark.RunAsync(durable) : await DurableBenchmark.RunAsync(durable);
}

if (options.Jsonata)
{
    var jsonataDirectory = options.Definitions is null ? null : Path.Combine(Path.GetDirectoryName(options.Definitions)!, "jsonata");
    if (jsonataDirectory is null || !Directory.Exists(jsonataDirectory))
    {
        Console.Error.WriteLine("error: cannot find shared/bench/jsonata; pass --definitions DIR (its sibling jsonata/ is used)");
        return 2;
    }

    Console.WriteLine($".NET {Environment.Version}, load average {LoadAverage.Read()}, batches of ~{options.BatchMs} ms, median of {options.Batches}");
    return new JsonataBenchmark(jsonataDirectory, options.BatchMs, options.Batches, options.Names).Run();
}

if (options.Definitions is null)
{
    Console.Error.WriteLine("error: cannot find shared/bench/definitions; pass --definitions DIR");
    return 2;
}

var transitions = JsonNode.Parse(File.ReadAllText(Path.Combine(options.Definitions, "transitions.json")))!.AsObject();
var histories = options.History.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
Console.WriteLine($".NET {Environment.Version}, GC {(GCSettings.IsServerGC ? "server" : "workstation")}, history {options.History} " +
    "(on: kept in a list; api: kept as the API host keeps it; stream: built and dropped; off: none; several: alternating per run), " +
    $"{options.Warmups} warm-ups, {options.Runs} runs, load average {LoadAverage.Read()}");
Console.WriteLine("Map/Parallel run on one thread: the in-memory host completes tasks synchronously.");
var results = new List<BenchmarkResult>();
foreach (var (name, counts) in transitions)
{
    if (options.Names.Count > 0 && !options.Names.Contains(name))
    {
        continue;
    }

    var benchmark = new DefinitionBenchmark(options.Definitions, name, counts!["transitions"]!.GetValue<long>(), options.Warmups, options.Runs, histories);
    var modes = await benchmark.RunAsync();
    results.AddRange(modes);
    foreach (var result in modes)
    {
        var kept = result.Events > 0 ? $"  {result.Events,7} events kept, {result.RetainedBytesPerEvent,6:F0} B held/event" : string.Empty;
        var ratio = histories.Length > 1 && result.History != histories[0] && modes[0].TransitionsPerSecond > 0
            ? $"  {modes[0].TransitionsPerSecond / result.TransitionsPerSecond,5:F2}x slower than {histories[0]} (cpu {result.CpuMs / modes[0].CpuMs:F2}x)"
            : string.Empty;
        Console.WriteLine(result.Status == "OK"
            ? $"{name,-18} {result.History,-6} {result.Transitions,7} transitions  median {result.MedianMs,8:F1} ms ({result.MinMs:F1}-{result.MaxMs:F1})  {result.TransitionsPerSecond,10:F0} transitions/s  {result.AllocatedBytesPerTransition,7:F0} B/transition  cpu {result.CpuMs,7:F1} ms  gc pause {result.GcPauseMs,6:F1} ms in {result.CollectionsPerRun,5:F0} gcs  jit {result.JittedMethodsPerRun,5:F0} methods {result.JitMs,6:F1} ms{kept}{ratio}"
            : $"{name,-18} {result.History,-6} {result.Status}");
    }
}

if (options.JsonReport is not null)
{
    await File.WriteAllTextAsync(options.JsonReport, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
}

Console.WriteLine($"load average {LoadAverage.Read()}");
return results.TrueForAll(r => r.Status == "OK") ? 0 : 1;
