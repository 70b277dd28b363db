using System.Diagnostics;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--durable</c>: the same workflow as ASL on the durable self-host and as a hand-written Durable Task orchestrator
/// (<see cref="HandWrittenOrchestrator"/>), on one host in one run, so the ratio is the interpreter's overhead on a
/// durable backend. Workflows: <c>Count</c> sequential Task states, and an inline Map of <c>Count</c> items with one Task
/// each (all concurrent). Wall time from start request to observed completion, and the process CPU time spent
/// meanwhile (worker, backend client and, in memory, the backend: steadier than wall time on a busy machine); runs
/// alternate which variant goes first.
/// </summary>
internal static class DurableBenchmark
{
    private const string AslName = "StateMachineOrchestrator";

    public static async Task<int> RunAsync(DurableBenchOptions options)
    {
        var backends = new List<(string Name, SelfHostOptions Host)> { ("in-memory", new SelfHostOptions()) };
        AzuriteProcess? azurite = null;
        try
        {
            if (options.Azurite)
            {
                azurite = await AzuriteProcess.StartAsync();
                backends.Add(("azurite", AzureHost(azurite.ConnectionString)));
            }

            if (options.Storage is not null)
            {
                backends.Add(("azure-storage", AzureHost(options.Storage)));
            }

            var ok = true;
            foreach (var (name, host) in backends)
            {
                var runs = host.Backend == DurableBackend.InMemory ? options.Runs : Math.Min(options.Runs, 5);
                var warmups = host.Backend == DurableBackend.InMemory ? options.Warmups : 1;
                ok &= await RunBackendAsync(name, host, options.Count, warmups, runs, options.ActionsPerGeneration, options.Selects);
            }

            return ok ? 0 : 1;
        }
        finally
        {
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }
        }
    }

    private static SelfHostOptions AzureHost(string connectionString) => new()
    {
        Backend = DurableBackend.AzureStorage,
        StorageConnectionString = connectionString,
        TaskHubName = "bench" + Guid.NewGuid().ToString("N")[..8],
        MaxQueuePollingInterval = TimeSpan.FromMilliseconds(100),
        PartitionCount = 4,
    };

    private static async Task<bool> RunBackendAsync(
        string backend, SelfHostOptions hostOptions, int count, int warmups, int runs, int? actionsPerGeneration, Func<string, bool> only)
    {
        var catalog = DurableTaskCatalog.ForStateMachines(new BenchTaskHandler(), new ExecutionPlanCache())
            .WithOrchestrator("HandSequence", () => new HandWrittenOrchestrator(fanOut: false, count))
            .WithOrchestrator("HandFanOut", () => new HandWrittenOrchestrator(fanOut: true, count));
        await using var host = await DurableSelfHost.StartAsync(hostOptions, catalog, NullLoggerFactory.Instance, CancellationToken.None);
        var polling = hostOptions.Backend == DurableBackend.AzureStorage;
        var ok = true;
        foreach (var workflow in Workflows(count).Where(w => only(w.Name)))
        {
            var asl = new List<double>();
            var hand = new List<double>();
            var aslCpu = new List<double>();
            var handCpu = new List<double>();
            for (var i = 0; i < warmups + runs; i++)
            {
                var aslFirst = i % 2 == 0;
                var first = await OnceAsync(host.Client, workflow, aslFirst, polling, actionsPerGeneration);
                var second = await OnceAsync(host.Client, workflow, !aslFirst, polling, actionsPerGeneration);
                if (first is null || second is null)
                {
                    Console.WriteLine($"{backend,-10} {workflow.Name,-10} FAILED: wrong output or status");
                    ok = false;
                    break;
                }

                if (i >= warmups)
                {
                    (aslFirst ? asl : hand).Add(first.Value.WallMs);
                    (aslFirst ? hand : asl).Add(second.Value.WallMs);
                    (aslFirst ? aslCpu : handCpu).Add(first.Value.CpuMs);
                    (aslFirst ? handCpu : aslCpu).Add(second.Value.CpuMs);
                }
            }

            if (asl.Count == runs)
            {
                double aslMedian = Median(asl), handMedian = Median(hand), aslCpuMedian = Median(aslCpu), handCpuMedian = Median(handCpu);
                Console.WriteLine($"{backend,-10} {workflow.Name,-8} wall: ASL {aslMedian,8:F1} ms ({asl.Min():F1}-{asl.Max():F1})  " +
                    $"hand {handMedian,8:F1} ms ({hand.Min():F1}-{hand.Max():F1})  ratio {aslMedian / handMedian:F2}x (best {asl.Min() / hand.Min():F2}x)  " +
                    $"| process CPU: ASL {aslCpuMedian:F1} ms ({aslCpu.Min():F1}-{aslCpu.Max():F1})  hand {handCpuMedian:F1} ms ({handCpu.Min():F1}-{handCpu.Max():F1})  ratio {aslCpuMedian / handCpuMedian:F2}x  ({runs} runs)");
            }
        }

        return ok;
    }

    private static async Task<(double WallMs, double CpuMs)?> OnceAsync(IExecutionClient client, Workflow workflow, bool asl, bool polling, int? actionsPerGeneration)
    {
        var id = $"{workflow.Name}-{(asl ? "asl" : "hand")}-{Guid.NewGuid():N}";
        var payload = asl
            ? DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, workflow.Definition, workflow.Input.DeepClone()) { MaxActionsPerGeneration = actionsPerGeneration ?? StateMachineOrchestrator.StartMaxActionsPerGeneration })
            : workflow.Input.ToJsonString();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        await client.StartAsync(asl ? AslName : workflow.HandWritten, id, payload, CancellationToken.None);
        var snapshot = polling ? await PollAsync(client, id) : await client.WaitForCompletionAsync(id, CancellationToken.None);
        watch.Stop();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        if (snapshot.Status != ExecutionRuntimeStatus.Completed || snapshot.OutputJson is null)
        {
            return null;
        }

        var output = asl ? DurableJson.Deserialize<StateMachineOutput>(snapshot.OutputJson).Output : JsonNode.Parse(snapshot.OutputJson);
        return JsonNode.DeepEquals(output, workflow.Expected) ? (watch.Elapsed.TotalMilliseconds, cpu) : null;
    }

    // TaskHubClient.WaitForOrchestrationAsync polls Azure Storage every 2 s; poll faster so both variants are timed alike.
    private static async Task<ExecutionSnapshot> PollAsync(IExecutionClient client, string id)
    {
        while (true)
        {
            if (await client.GetAsync(id, CancellationToken.None) is { IsTerminal: true } done)
            {
                return done;
            }

            await Task.Delay(20);
        }
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values[values.Count / 2];
    }

    internal static IEnumerable<Workflow> Workflows(int count)
    {
        var states = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            var state = new JsonObject { ["Type"] = "Task", ["Resource"] = HandWrittenOrchestrator.Resource };
            if (i + 1 < count)
            {
                state["Next"] = "Step" + (i + 1);
            }
            else
            {
                state["End"] = true;
            }

            states["Step" + i] = state;
        }

        var sequenceInput = new JsonObject { ["value"] = 1, ["text"] = "same payload in, same payload out" };
        yield return new Workflow(
            $"seq-{count}",
            new JsonObject { ["StartAt"] = "Step0", ["States"] = states }.ToJsonString(),
            sequenceInput,
            sequenceInput.DeepClone(),
            "HandSequence");

        var items = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["i"] = i })]);
        var map = new JsonObject
        {
            ["StartAt"] = "FanOut",
            ["States"] = new JsonObject
            {
                ["FanOut"] = new JsonObject
                {
                    ["Type"] = "Map",
                    ["ItemsPath"] = "$.items",
                    ["MaxConcurrency"] = 0,
                    ["ItemProcessor"] = new JsonObject
                    {
                        ["ProcessorConfig"] = new JsonObject { ["Mode"] = "INLINE" },
                        ["StartAt"] = "Echo",
                        ["States"] = new JsonObject { ["Echo"] = new JsonObject { ["Type"] = "Task", ["Resource"] = HandWrittenOrchestrator.Resource, ["End"] = true } },
                    },
                    ["End"] = true,
                },
            },
        };
        yield return new Workflow($"map-{count}", map.ToJsonString(), new JsonObject { ["items"] = items.DeepClone() }, items, "HandFanOut");
    }

    internal sealed record Workflow(string Name, string Definition, JsonNode Input, JsonNode Expected, string HandWritten);
}
