using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// JSONata evaluation throughput over <c>shared/bench/jsonata/expressions.jsonl</c>, the way
/// <c>run-jsonata.mjs</c> measures the reference: compile once, bind <c>$states = {input, context}</c>, check the
/// result against <c>expected-2.0.6.jsonl</c>, calibrate a batch of about <c>batchMs</c>, one warm-up batch, then
/// the median rate of the timed batches; geometric mean over all expressions.
/// </summary>
internal sealed class JsonataBenchmark(string directory, double batchMs, int batches, IReadOnlySet<string> filters)
{
    private static readonly JsonNode Context = JsonNode.Parse("""
        {"Execution":{"Id":"arn:aws:states:us-east-1:123456789012:execution:bench:1","Name":"1","StartTime":"2026-01-01T00:00:00.000Z"},
         "State":{"Name":"Bench","EnteredTime":"2026-01-01T00:00:00.000Z"}}
        """)!;

    public int Run()
    {
        var expected = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "expected-2.0.6.jsonl")).Where(l => l.Length > 0))
        {
            var entry = JsonNode.Parse(line)!;
            expected[entry["name"]!.GetValue<string>()] = entry["result"];
        }

        var rates = new List<double>();
        var failures = 0;
        Console.WriteLine("| expression | evaluations/s | B/evaluation | result |");
        Console.WriteLine("|---|---:|---:|---|");
        foreach (var line in File.ReadLines(Path.Combine(directory, "expressions.jsonl")).Where(l => l.Length > 0))
        {
            var entry = JsonNode.Parse(line)!;
            var name = entry["name"]!.GetValue<string>();
            if (filters.Count > 0 && !filters.Any(name.Contains))
            {
                continue;
            }

            var data = JsonataValue.FromNode(entry["data"]);
            var bindings = new Dictionary<string, JsonataValue>(StringComparer.Ordinal)
            {
                ["states"] = JsonataValue.FromNode(new JsonObject { ["input"] = entry["data"]?.DeepClone(), ["context"] = Context.DeepClone() }),
            };
            var compiled = JsonataExpression.Compile(entry["expr"]!.GetValue<string>());
            var first = compiled.Evaluate(data, bindings).Node;
            var ok = JsonNode.DeepEquals(first, expected.GetValueOrDefault(name));
            if (!ok)
            {
                failures++;
            }

            var (rate, bytes) = Measure(() => compiled.Evaluate(data, bindings));
            rates.Add(rate);
            Console.WriteLine($"| {name} | {rate:F0} | {bytes:F0} | {(ok ? "ok" : "WRONG")} |");
        }

        var geometricMean = Math.Exp(rates.Sum(Math.Log) / Math.Max(1, rates.Count));
        Console.WriteLine($"| **geometric mean** ({rates.Count}) | **{geometricMean:F0}** | | {failures} wrong |");
        return failures == 0 ? 0 : 1;
    }

    private (double Rate, double BytesPerEvaluation) Measure(Func<JsonataValue> evaluate)
    {
        var n = 1;
        double elapsed;
        while (true)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                evaluate();
            }

            elapsed = watch.Elapsed.TotalMilliseconds;
            if (elapsed >= batchMs / 4 || n >= 1 << 24)
            {
                break;
            }

            n *= 2;
        }

        var perBatch = Math.Max(1, (int)Math.Round(n * batchMs / Math.Max(elapsed, 0.001)));
        for (var i = 0; i < perBatch; i++)
        {
            evaluate();
        }

        var rates = new List<double>(batches);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var b = 0; b < batches; b++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < perBatch; i++)
            {
                evaluate();
            }

            rates.Add(perBatch / watch.Elapsed.TotalSeconds);
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        rates.Sort();
        return (rates[rates.Count / 2], (double)allocated / (batches * perBatch));
    }
}
