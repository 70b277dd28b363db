using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--map-run</c>: a distributed Map over a JSON Lines item set in a local folder standing in for Blob Storage (items
/// batched 100 per child, MaxConcurrency 1,000, an EXPRESS child of three Pass states, results written back by the
/// ResultWriter) on the durable self-host, at a small and a large item count in one process: items per second, and the
/// process's peak resident set during each run (reset after an aggressive full GC before it), what it is made of
/// (<see cref="MemoryDetail"/>), and the managed heap sampled during it,
/// so the large/small ratio shows whether memory grows with the item count. Both paths are warmed up first, and each size
/// runs several rounds in alternating order; medians are reported. <see cref="IsolatedAsync"/> runs each size in a
/// process of its own, so a size's peak is not raised by what the runs before it left behind. Optionally STANDARD children (one execution per item, no batcher).
/// </summary>
internal static class MapRunBenchmark
{
    private static readonly TimeSpan Sampling = TimeSpan.FromMilliseconds(20);

    private static AllocationSampler? Sampler { get; set; }

    public static async Task<int> RunAsync(MapRunBenchOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("asl-maprun-bench-").FullName;
        try
        {
            var store = new FolderItemStore(folder);
            var backend = options.Azurite ? await AzuriteProcess.StartAsync() : null;
            try
            {
                var host = backend is null ? new SelfHostOptions() : new SelfHostOptions
                {
                    Backend = DurableBackend.AzureStorage,
                    StorageConnectionString = backend.ConnectionString,
                    TaskHubName = "maprun" + Guid.NewGuid().ToString("N")[..8],
                    MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
                    PartitionCount = 4,
                };
                var catalog = DurableTaskCatalog.ForStateMachines(new BenchTaskHandler(), new ExecutionPlanCache(), itemStore: store)
                    .WithOrchestrator(HandWrittenMapRun.Name, () => new HandWrittenMapRun())
                    .WithActivity(HandWrittenMapRun.Stage, () => new HandWrittenMapRun.StageActivity(store))
                    .WithActivity(HandWrittenMapRun.Chunk, () => new HandWrittenMapRun.ChunkActivity(store))
                    .WithActivity(HandWrittenMapRun.Finish, () => new HandWrittenMapRun.FinishActivity(store));
                await using var selfHost = await DurableSelfHost.StartAsync(host, catalog, NullLoggerFactory.Instance, CancellationToken.None);
                Console.WriteLine($"map run: {(backend is null ? "in-memory backend" : "Azurite backend")}, items in a local folder, chunks of {MapRunOrchestrator.DefaultChunkSize} items, " +
                    $"{options.WarmupRounds} warm-up round(s) of {options.Warmup} items on both paths, {options.Rounds} measured round(s) per size, ASL/hand order alternating");
                var ok = true;
                for (var w = 0; w < options.WarmupRounds && options.Warmup > 0; w++)
                {
                    ok &= Report("warm-up", options.Warmup, await OnceAsync(selfHost.Client, store, folder, options.Warmup, express: true, options.ChunksPerGeneration));
                    if (!options.NoHand)
                    {
                        ok &= Report("warm-hand", options.Warmup, await HandOnceAsync(selfHost.Client, options.Warmup));
                    }
                }

                using var sampler = options.AllocTypes ? new AllocationSampler() : null;
                Sampler = sampler;
                var measured = new Dictionary<int, List<Measurement>>();
                foreach (var items in options.Sizes)
                {
                    var asl = measured[items] = [];
                    var hand = new List<Measurement>();
                    for (var round = 0; round < options.Rounds; round++)
                    {
                        // Alternate the order, so neither path always runs on the heap and queues the other one left.
                        var handFirst = round % 2 == 1 && !options.NoHand;
                        if (handFirst)
                        {
                            ok &= Collect("hand", items, await HandOnceAsync(selfHost.Client, items), hand);
                        }

                        ok &= Collect("express", items, await OnceAsync(selfHost.Client, store, folder, items, express: true, options.ChunksPerGeneration), asl);
                        if (!handFirst && !options.NoHand)
                        {
                            ok &= Collect("hand", items, await HandOnceAsync(selfHost.Client, items), hand);
                        }
                    }

                    Summarise(items, asl, hand);
                }

                if (options.Standard > 0)
                {
                    ok &= Report("standard", options.Standard, await OnceAsync(selfHost.Client, store, folder, options.Standard, express: false, options.ChunksPerGeneration));
                }

                if (measured.Count >= 2)
                {
                    var small = Median(measured[measured.Keys.Min()]);
                    var large = Median(measured[measured.Keys.Max()]);
                    Console.WriteLine($"memory ratio {measured.Keys.Max()}/{measured.Keys.Min()} items (medians, this process): peak RSS {large.PeakRss / (double)small.PeakRss:F2}x, sampled managed heap {large.PeakHeap / (double)small.PeakHeap:F2}x, after a full GC {large.Retained / (double)small.Retained:F2}x");
                }

                return ok ? 0 : 1;
            }
            finally
            {
                if (backend is not null)
                {
                    await backend.DisposeAsync();
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Runs each size in a process of its own (ASL only, same warm-up), and reports the peak resident set of each and
    /// their ratio: the honest "peak process memory per item count", free of what earlier runs in one process retain.
    /// </summary>
    public static async Task<int> IsolatedAsync(MapRunBenchOptions options)
    {
        var peaks = new Dictionary<int, long>();
        foreach (var size in options.Sizes)
        {
            var args = new List<string>
            {
                "--map-run", "--no-hand", "--sizes", size.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--warmup", options.Warmup.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--warmup-rounds", options.WarmupRounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--rounds", options.Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            if (options.Azurite)
            {
                args.Add("--azurite");
            }

            // Run as `dotnet Benchmarks.dll` or through the apphost: the same way this process was started.
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
            {
                args.Insert(0, typeof(MapRunBenchmark).Assembly.Location);
            }

            var start = new ProcessStartInfo(Environment.ProcessPath!, args) { RedirectStandardOutput = true };
            using var child = Process.Start(start)!;
            while (await child.StandardOutput.ReadLineAsync() is { } line)
            {
                Console.WriteLine($"  [{size}] {line}");
                if (line.StartsWith("peak-rss-median ", StringComparison.Ordinal))
                {
                    peaks[size] = long.Parse(line.Split(' ')[2], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            await child.WaitForExitAsync();
            if (child.ExitCode != 0 || !peaks.ContainsKey(size))
            {
                Console.WriteLine($"size {size}: the child process failed ({child.ExitCode})");
                return 1;
            }
        }

        foreach (var (size, peak) in peaks)
        {
            Console.WriteLine($"isolated {size,7} items  median peak RSS during the measured runs {peak / 1048576.0:F0} MiB");
        }

        if (peaks.Count >= 2)
        {
            Console.WriteLine($"memory ratio {peaks.Keys.Max()}/{peaks.Keys.Min()} items (each size in its own process): peak RSS {peaks[peaks.Keys.Max()] / (double)peaks[peaks.Keys.Min()]:F2}x");
        }

        return 0;
    }

    private static async Task<Measurement?> OnceAsync(IExecutionClient client, FolderItemStore store, string folder, int count, bool express, int? chunksPerGeneration)
    {
        var key = $"items-{count}.jsonl";
        await WriteItemsAsync(store, key, count);
        var id = $"maprun-{count}-{(express ? "express" : "standard")}-{Guid.NewGuid():N}";
        var input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, Definition(key, express), new JsonObject())
        {
            ExecutionName = id,
            StateMachineName = "bench",
            MaxActionsPerGeneration = StateMachineOrchestrator.StartMaxActionsPerGeneration,
            MapRunChunksPerGeneration = chunksPerGeneration,
        });
        return await MeasureAsync(client, id, OrchestratorNames.StateMachine, input, async snapshot =>
        {
            if (snapshot.Status != ExecutionRuntimeStatus.Completed || DurableJson.Deserialize<StateMachineOutput>(snapshot.OutputJson!) is not { Status: "SUCCEEDED", Output: { } output })
            {
                return null;
            }

            var mapRun = await client.GetAsync(MapRunInstanceIds.FromArn(output["MapRunArn"]!.GetValue<string>()), CancellationToken.None);
            var record = DurableJson.Deserialize<MapRunOutput>(mapRun!.OutputJson!).Record;
            return record.ItemCounts.Succeeded != count
                ? null
                : Directory.EnumerateFiles(Path.Combine(folder, "results"), "*.json", SearchOption.AllDirectories)
                    .Count(f => f.Contains(record.MapRunArn[(record.MapRunArn.LastIndexOf(':') + 1)..], StringComparison.Ordinal));
        });
    }

    /// <summary>Runs one orchestration to its end: wall time, sampled peaks, allocations; <paramref name="check"/> gives the result file count or null when wrong.</summary>
    private static async Task<Measurement?> MeasureAsync(IExecutionClient client, string id, string orchestrator, string input, Func<ExecutionSnapshot, Task<int?>> check)
    {
        // An aggressive collection also gives back the memory the GC keeps committed for reuse, so each run's peak starts
        // from the live heap, not from what the run or the setup before it left committed.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        PeakRss.Reset();
        using var process = Process.GetCurrentProcess();
        var detail = new MemoryDetail();
        long peakWorkingSet = 0, peakHeap = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                detail.Sample();
                try
                {
                    await Task.Delay(Sampling, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await client.StartAsync(orchestrator, id, input, CancellationToken.None);
        var snapshot = await WaitAsync(client, id);
        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        await stop.CancelAsync();
        await sampler;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var peakRss = PeakRss.Read() ?? peakWorkingSet;
        var retained = GC.GetTotalMemory(true);
        Console.WriteLine($"{"",-9} {id[..Math.Min(id.Length, 20)]}: {detail}");
        return await check(snapshot) is { } files ? new Measurement(watch.Elapsed.TotalSeconds, cpu, peakRss, peakHeap, retained, allocated, files) : null;
    }

    private static void Print(string label, int items, Measurement m) =>
        Console.WriteLine($"{label,-9} {items,7} items  {m.Seconds,6:F2} s (process CPU {m.CpuSeconds,6:F2} s, {m.CpuSeconds * 1e6 / items,5:F0} us/item)  {items / m.Seconds,7:F0} items/s  " +
            $"peak RSS {m.PeakRss / 1048576.0,4:F0} MiB  sampled heap {m.PeakHeap / 1048576.0,4:F0} MiB (after a full GC {m.Retained / 1048576.0,5:F1} MiB)  " +
            $"allocated {m.Allocated / (double)items / 1024,5:F2} KiB/item  result files {m.ResultFiles}");

    private static bool Report(string label, int items, Measurement? m)
    {
        if (m is null)
        {
            Console.WriteLine($"{label,-9} {items,7} items FAILED: wrong status, counts or files");
            return false;
        }

        Print(label, items, m.Value);
        return true;
    }

    private static bool Collect(string label, int items, Measurement? m, List<Measurement> into)
    {
        Sampler?.Print($"{label} {items}");
        if (m is { } value)
        {
            into.Add(value);
        }

        return Report(label, items, m);
    }

    private static void Summarise(int items, List<Measurement> asl, List<Measurement> hand)
    {
        if (asl.Count == 0)
        {
            return;
        }

        var a = Median(asl);
        Print("ASL med", items, a);
        Console.WriteLine($"peak-rss-median {items} {a.PeakRss}");
        if (hand.Count == 0)
        {
            return;
        }

        var h = Median(hand);
        Print("hand med", items, h);
        Console.WriteLine($"{"",-9} {items,7} items  ASL/hand-written (medians): time {a.Seconds / h.Seconds:F2}x, CPU {a.CpuSeconds / h.CpuSeconds:F2}x, allocated {a.Allocated / (double)h.Allocated:F2}x");
    }

    /// <summary>The field-wise median of the rounds (upper median for an even count).</summary>
    private static Measurement Median(List<Measurement> runs)
    {
        static T Mid<T>(IEnumerable<T> values) => values.Order().ElementAt(values.Count() / 2);
        return new Measurement(
            Mid(runs.Select(r => r.Seconds)), Mid(runs.Select(r => r.CpuSeconds)), Mid(runs.Select(r => r.PeakRss)),
            Mid(runs.Select(r => r.PeakHeap)), Mid(runs.Select(r => r.Retained)), Mid(runs.Select(r => r.Allocated)), runs[0].ResultFiles);
    }

    /// <summary>The hand-written fan-out over the same items (<see cref="HandWrittenMapRun"/>).</summary>
    private static Task<Measurement?> HandOnceAsync(IExecutionClient client, int count)
    {
        var id = $"hand-{count}-{Guid.NewGuid():N}";
        return MeasureAsync(client, id, HandWrittenMapRun.Name, new JsonObject { ["key"] = $"items-{count}.jsonl", ["run"] = id }.ToJsonString(), snapshot =>
            snapshot.Status == ExecutionRuntimeStatus.Completed && snapshot.OutputJson == count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ? Task.FromResult<int?>(count / HandWrittenMapRun.ChunkSize + (count % HandWrittenMapRun.ChunkSize == 0 ? 0 : 1) + 1)
                : Task.FromResult<int?>(null));
    }

    private static async Task<ExecutionSnapshot> WaitAsync(IExecutionClient client, string id)
    {
        while (true)
        {
            if (await client.GetAsync(id, CancellationToken.None) is { IsTerminal: true } done)
            {
                return done;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Writes the item set once per size, streamed line by line into the folder store's file (as an upload would put it
    /// in the account), so the process never holds the whole set and the run measured after it starts from the same heap.
    /// </summary>
    private static async Task WriteItemsAsync(FolderItemStore store, string key, int count)
    {
        var path = Path.Combine(store.Root, "data", key);
        if (File.Exists(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 64 * 1024);
        for (var i = 0; i < count; i++)
        {
            await writer.WriteAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{{\"id\":{i},\"name\":\"item-{i}\",\"value\":{i * 3},\"tags\":[\"a\",\"b\"]}}\n"));
        }
    }

    private static string Definition(string key, bool express)
    {
        var map = new JsonObject
        {
            ["Type"] = "Map",
            ["ItemReader"] = new JsonObject
            {
                ["Resource"] = "arn:aws:states:::s3:getObject",
                ["ReaderConfig"] = new JsonObject { ["InputType"] = "JSONL" },
                ["Parameters"] = new JsonObject { ["Bucket"] = "data", ["Key"] = key },
            },
            ["MaxConcurrency"] = 1000,
            ["ItemProcessor"] = new JsonObject
            {
                ["ProcessorConfig"] = new JsonObject { ["Mode"] = "DISTRIBUTED", ["ExecutionType"] = express ? "EXPRESS" : "STANDARD" },
                ["StartAt"] = "One",
                ["States"] = new JsonObject
                {
                    ["One"] = new JsonObject { ["Type"] = "Pass", ["Next"] = "Two" },
                    ["Two"] = new JsonObject { ["Type"] = "Pass", ["Parameters"] = new JsonObject { ["input.$"] = "$" }, ["Next"] = "Three" },
                    ["Three"] = new JsonObject { ["Type"] = "Pass", ["OutputPath"] = "$.input", ["End"] = true },
                },
            },
            ["ResultWriter"] = new JsonObject
            {
                ["Resource"] = "arn:aws:states:::s3:putObject",
                ["Parameters"] = new JsonObject { ["Bucket"] = "results", ["Prefix"] = "bench" },
            },
            ["End"] = true,
        };
        if (express)
        {
            map["ItemBatcher"] = new JsonObject { ["MaxItemsPerBatch"] = 100 };
        }

        return new JsonObject { ["StartAt"] = "Process", ["States"] = new JsonObject { ["Process"] = map } }.ToJsonString();
    }

    private readonly record struct Measurement(double Seconds, double CpuSeconds, long PeakRss, long PeakHeap, long Retained, long Allocated, int ResultFiles);
}

/// <summary>Options of <c>--map-run</c>.</summary>
/// <param name="Sizes">The item counts measured (EXPRESS children in batches of 100).</param>
/// <param name="Warmup">Items of each unmeasured warm-up run (ASL and hand-written).</param>
/// <param name="Standard">Items of a STANDARD-children run (one execution per item), or 0 for none.</param>
/// <param name="Azurite">Run on Azurite instead of the in-memory backend.</param>
internal sealed record MapRunBenchOptions(IReadOnlyList<int> Sizes, int Warmup, int Standard, bool Azurite)
{
    /// <summary>Gets a value indicating whether to skip the hand-written runs (memory alone, no other work in the process).</summary>
    public bool NoHand { get; init; }

    /// <summary>Gets the number of warm-up rounds (each runs both paths), so the tiered JIT has settled before measuring.</summary>
    public int WarmupRounds { get; init; } = 2;

    /// <summary>Gets the number of measured rounds per size; medians are reported.</summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Gets the map run's chunks per generation, or <c>null</c> for the engine's default.</summary>
    public int? ChunksPerGeneration { get; init; }

    /// <summary>Gets a value indicating whether to print each measured run's sampled allocations by type (<see cref="AllocationSampler"/>).</summary>
    public bool AllocTypes { get; init; }
}
