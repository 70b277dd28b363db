using System.Diagnostics;
using System.Runtime;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Runtime.Api.Registry;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// Runs one bench definition under the contract of <c>shared/bench/README.md</c>: parse and compile once outside
/// the timer, a fresh input per run prepared outside the timer, retry and wait intervals skipped, output checked
/// against the expected file on every run, median of the measured runs, process-wide allocated bytes.
/// </summary>
/// <remarks>
/// With several history modes, each warm-up and measured run goes through every mode, alternating the order, so a burst
/// of load on the shared machine hits all modes alike. Modes that keep events also report the memory they hold per event
/// (one more, untimed run: the managed heap after a full collection, with and without the kept events).
/// </remarks>
internal sealed class DefinitionBenchmark(string directory, string name, long transitions, int warmups, int runs, IReadOnlyList<string> histories)
{
    public async Task<IReadOnlyList<BenchmarkResult>> RunAsync()
    {
        var parsed = DefinitionParser.Parse(await File.ReadAllTextAsync(Path.Combine(directory, name + ".asl.json")));
        if (parsed.Definition is null)
        {
            return [.. histories.Select(h => Failed(h, "invalid definition: " + string.Join("; ", parsed.Diagnostics.Select(d => d.Message))))];
        }

        var interpreter = new Interpreter(ExecutionPlan.Compile(parsed.Definition, BenchJsonata.Evaluator));
        var inputText = await File.ReadAllTextAsync(Path.Combine(directory, name + ".input.json"));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, name + ".output.json")));
        var tasks = new BenchTaskHandler();
        var hostOptions = new InMemoryHostOptions { SkipWaits = true, RandomSeed = 1 };

        var allocated = new long[histories.Count];
        var paused = new TimeSpan[histories.Count];
        var cpu = new TimeSpan[histories.Count];
        var collections = new int[histories.Count];
        var jitted = new long[histories.Count];
        var jitTime = new TimeSpan[histories.Count];
        async Task<(double Ms, string? Error, Func<int>? Kept)> OnceAsync(int mode)
        {
            var input = JsonNode.Parse(inputText);
            var host = new InMemoryExecutionHost(TimeProvider.System, tasks, hostOptions);
            var (sink, kept) = Sink(histories[mode]);
            var options = new ExecutionOptions { History = sink };
            var request = new ExecutionRequest { Input = input };
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var pausedBefore = GC.GetTotalPauseDuration();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var collectionsBefore = GC.CollectionCount(0);
            var jittedBefore = JitInfo.GetCompiledMethodCount();
            var jitTimeBefore = JitInfo.GetCompilationTime();
            var watch = Stopwatch.StartNew();
            var result = await interpreter.RunAsync(request, host, options);
            watch.Stop();
            allocated[mode] += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            paused[mode] += GC.GetTotalPauseDuration() - pausedBefore;
            cpu[mode] += Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            collections[mode] += GC.CollectionCount(0) - collectionsBefore;
            jitted[mode] += JitInfo.GetCompiledMethodCount() - jittedBefore;
            jitTime[mode] += JitInfo.GetCompilationTime() - jitTimeBefore;
            if (result.Status != ExecutionStatus.Succeeded)
            {
                return (0, $"{result.StatusName} {result.Error?.Error}: {result.Error?.Cause}", null);
            }

            return JsonNode.DeepEquals(result.Output, expected) ? (watch.Elapsed.TotalMilliseconds, null, kept) : (0, "wrong output", null);
        }

        for (var i = 0; i < warmups; i++)
        {
            foreach (var mode in Order(i))
            {
                if ((await OnceAsync(mode)).Error is { } error)
                {
                    return [.. histories.Select(h => Failed(h, error))];
                }
            }
        }

        var times = histories.Select(_ => new List<double>(runs)).ToArray();
        Array.Clear(allocated);
        Array.Clear(paused);
        Array.Clear(cpu);
        Array.Clear(collections);
        Array.Clear(jitted);
        Array.Clear(jitTime);
        JitSampler.Current?.Start();
        Allocations?.Print("warm-ups, discarded", 0);
        for (var i = 0; i < runs; i++)
        {
            foreach (var mode in Order(i))
            {
                var (ms, error, _) = await OnceAsync(mode);
                if (error is not null)
                {
                    return [.. histories.Select(h => Failed(h, error))];
                }

                times[mode].Add(ms);
            }
        }

        JitSampler.Current?.Print(name);
        Allocations?.Print(name);

        // Per run of the measured runs only: the untimed run that measures held memory below adds its own.
        var measured = histories.Select((_, mode) => (Allocated: allocated[mode], Paused: paused[mode], Cpu: cpu[mode], Collections: collections[mode], Jitted: jitted[mode], JitTime: jitTime[mode])).ToArray();
        var results = new List<BenchmarkResult>();
        for (var mode = 0; mode < histories.Count; mode++)
        {
            var (retained, events) = histories[mode] is "on" or "api" ? await RetainedAsync(mode) : (0, 0);
            times[mode].Sort();
            var median = times[mode][times[mode].Count / 2];
            results.Add(new BenchmarkResult(name, transitions, median, times[mode][0], times[mode][^1], transitions / (median / 1000), (double)measured[mode].Allocated / (runs * transitions), "OK")
            {
                History = histories[mode],
                CpuMs = measured[mode].Cpu.TotalMilliseconds / runs,
                GcPauseMs = measured[mode].Paused.TotalMilliseconds / runs,
                CollectionsPerRun = (double)measured[mode].Collections / runs,
                JittedMethodsPerRun = (double)measured[mode].Jitted / runs,
                JitMs = measured[mode].JitTime.TotalMilliseconds / runs,
                Events = events,
                RetainedBytesPerEvent = events == 0 ? 0 : retained / events,
            });
        }

        return results;

        async Task<(double Bytes, long Events)> RetainedAsync(int mode)
        {
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var (_, error, kept) = await OnceAsync(mode);
            if (error is not null || kept is null)
            {
                return (0, 0);
            }

            var after = GC.GetTotalMemory(forceFullCollection: true);
            var count = kept(); // keeps the sink alive until here
            return (after - before, count);
        }

        IEnumerable<int> Order(int round) => round % 2 == 0 ? Enumerable.Range(0, histories.Count) : Enumerable.Range(0, histories.Count).Reverse();
    }

    /// <summary>Gets or sets the allocation sampler of <c>--alloc-types</c>, printed after each definition's measured runs.</summary>
    public static AllocationSampler? Allocations { get; set; }

    /// <summary>The sink of a history mode, and how to count what it kept.</summary>
    private static (IHistorySink? Sink, Func<int>? Kept) Sink(string history)
    {
        switch (history)
        {
            case "on":
                var list = new ListHistorySink();
                return (list, () => list.Events.Count);
            case "api":
                // What the API host hands its orchestrator on the embedded backend (asl serve, the self-host).
                var store = new ExecutionHistoryStore();
                return (store.SinkFor("bench"), () => store.Events("bench").Count);
            case "stream":
                return (new StreamingHistorySink(), null);
            default:
                return (null, null);
        }
    }

    private BenchmarkResult Failed(string history, string why) => new(name, transitions, 0, 0, 0, 0, 0, "FAILED: " + why) { History = history };
}
