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
/// process working set and managed heap sampled during each run (their peaks), so the large/small ratio shows whether
/// memory grows with the item count. Optionally STANDARD children (one execution per item, no batcher).
/// </summary>
internal static class MapRunBenchmark
{
    private static readonly TimeSpan Sampling = TimeSpan.FromMilliseconds(20);

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
                Console.WriteLine($"map run: {(backend is null ? "in-memory backend" : "Azurite backend")}, items in a local folder, chunks of {MapRunOrchestrator.DefaultChunkSize} items");
                var ok = true;
                var runs = new List<(string Label, int Items, bool Express)> { ("warm-up", options.Warmup, true) };
                runs.AddRange(options.Sizes.Select(n => ($"express", n, true)));
                if (options.Standard > 0)
                {
                    runs.Add(("standard", options.Standard, false));
                }

                var measured = new Dictionary<int, Measurement>();
                foreach (var (label, items, express) in runs)
                {
                    var result = await OnceAsync(selfHost.Client, store, folder, items, express, options.ChunksPerGeneration);
                    if (result is null)
                    {
                        Console.WriteLine($"{label,-8} {items,8} items FAILED: wrong status or counts");
                        ok = false;
                        continue;
                    }

                    var m = result.Value;
                    if (label == "express")
                    {
                        measured[items] = m;
                    }

                    Print(label, items, m);
                    if (express && !options.NoHand)
                    {
                        var hand = await HandOnceAsync(selfHost.Client, items);
                        if (hand is null)
                        {
                            Console.WriteLine($"{"hand",-8} {items,8} items FAILED");
                            ok = false;
                            continue;
                        }

                        Print("hand", items, hand.Value);
                        Console.WriteLine($"{"",-8} {items,8} items  ASL/hand-written time {m.Seconds / hand.Value.Seconds:F2}x");
                    }
                }

                if (measured.Count >= 2)
                {
                    var small = measured[measured.Keys.Min()];
                    var large = measured[measured.Keys.Max()];
                    Console.WriteLine($"memory ratio {measured.Keys.Max()}/{measured.Keys.Min()} items: working set {large.PeakWorkingSet / (double)small.PeakWorkingSet:F2}x, managed heap {large.PeakHeap / (double)small.PeakHeap:F2}x, after a full GC {large.Retained / (double)small.Retained:F2}x");
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
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        long peakWorkingSet = 0, peakHeap = 0;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
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
        var retained = GC.GetTotalMemory(true);
        return await check(snapshot) is { } files ? new Measurement(watch.Elapsed.TotalSeconds, cpu, peakWorkingSet, peakHeap, retained, allocated, files) : null;
    }

    private static void Print(string label, int items, Measurement m) =>
        Console.WriteLine($"{label,-8} {items,8} items  {m.Seconds,7:F1} s (process CPU {m.CpuSeconds,6:F1} s)  {items / m.Seconds,8:F0} items/s  " +
            $"peak working set {m.PeakWorkingSet / 1048576.0,6:F0} MiB  peak managed heap {m.PeakHeap / 1048576.0,6:F0} MiB (after a full GC {m.Retained / 1048576.0,5:F1} MiB)  " +
            $"allocated {m.Allocated / (double)items / 1024,6:F1} KiB/item  result files {m.ResultFiles}");

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

    private static async Task WriteItemsAsync(FolderItemStore store, string key, int count)
    {
        var text = new StringBuilder(count * 64);
        for (var i = 0; i < count; i++)
        {
            text.Append("{\"id\":").Append(i).Append(",\"name\":\"item-").Append(i).Append("\",\"value\":").Append(i * 3).Append(",\"tags\":[\"a\",\"b\"]}\n");
        }

        await store.WriteAsync("data", key, Encoding.UTF8.GetBytes(text.ToString()), CancellationToken.None);
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

    private readonly record struct Measurement(double Seconds, double CpuSeconds, long PeakWorkingSet, long PeakHeap, long Retained, long Allocated, int ResultFiles);
}

/// <summary>Options of <c>--map-run</c>.</summary>
/// <param name="Sizes">The item counts measured (EXPRESS children in batches of 100).</param>
/// <param name="Warmup">Items of the unmeasured first run.</param>
/// <param name="Standard">Items of a STANDARD-children run (one execution per item), or 0 for none.</param>
/// <param name="Azurite">Run on Azurite instead of the in-memory backend.</param>
internal sealed record MapRunBenchOptions(IReadOnlyList<int> Sizes, int Warmup, int Standard, bool Azurite)
{
    /// <summary>Gets a value indicating whether to skip the hand-written runs (memory alone, no other work in the process).</summary>
    public bool NoHand { get; init; }

    /// <summary>Gets the map run's chunks per generation, or <c>null</c> for the engine's default.</summary>
    public int? ChunksPerGeneration { get; init; }
}
