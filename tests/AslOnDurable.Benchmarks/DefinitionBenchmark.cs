using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Parsing;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// Runs one bench definition under the contract of <c>shared/bench/README.md</c>: parse and compile once outside
/// the timer, a fresh input per run prepared outside the timer, retry and wait intervals skipped, output checked
/// against the expected file on every run, median of the measured runs, process-wide allocated bytes.
/// </summary>
internal sealed class DefinitionBenchmark(string directory, string name, long transitions, int warmups, int runs, string history)
{
    public async Task<BenchmarkResult> RunAsync()
    {
        var parsed = DefinitionParser.Parse(await File.ReadAllTextAsync(Path.Combine(directory, name + ".asl.json")));
        if (parsed.Definition is null)
        {
            return Failed("invalid definition: " + string.Join("; ", parsed.Diagnostics.Select(d => d.Message)));
        }

        var interpreter = new Interpreter(ExecutionPlan.Compile(parsed.Definition, BenchJsonata.Evaluator));
        var inputText = await File.ReadAllTextAsync(Path.Combine(directory, name + ".input.json"));
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory, name + ".output.json")));
        var tasks = new BenchTaskHandler();
        var hostOptions = new InMemoryHostOptions { SkipWaits = true, RandomSeed = 1 };

        long allocated = 0;
        async Task<(double Ms, string? Error)> OnceAsync()
        {
            var input = JsonNode.Parse(inputText);
            var host = new InMemoryExecutionHost(TimeProvider.System, tasks, hostOptions);
            var options = new ExecutionOptions
            {
                History = history switch
                {
                    "on" => new AslOnDurable.Core.Engine.History.ListHistorySink(),
                    "stream" => new StreamingHistorySink(),
                    _ => null,
                },
            };
            var request = new ExecutionRequest { Input = input };
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var result = await interpreter.RunAsync(request, host, options);
            watch.Stop();
            allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (result.Status != ExecutionStatus.Succeeded)
            {
                return (0, $"{result.StatusName} {result.Error?.Error}: {result.Error?.Cause}");
            }

            return JsonNode.DeepEquals(result.Output, expected) ? (watch.Elapsed.TotalMilliseconds, null) : (0, "wrong output");
        }

        for (var i = 0; i < warmups; i++)
        {
            var (_, error) = await OnceAsync();
            if (error is not null)
            {
                return Failed(error);
            }
        }

        var times = new List<double>(runs);
        allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var (ms, error) = await OnceAsync();
            if (error is not null)
            {
                return Failed(error);
            }

            times.Add(ms);
        }

        times.Sort();
        var median = times[times.Count / 2];
        return new BenchmarkResult(name, transitions, median, times[0], times[^1], transitions / (median / 1000), (double)allocated / (runs * transitions), "OK");
    }

    private BenchmarkResult Failed(string why) => new(name, transitions, 0, 0, 0, 0, 0, "FAILED: " + why);
}
