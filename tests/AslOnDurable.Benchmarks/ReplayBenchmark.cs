using System.Diagnostics;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// <c>--durable-replay</c>: the orchestrator's own CPU cost, without a backend. For each workflow of
/// <c>--durable</c>, builds the history a backend would record (DurableTask.Core's executor, activities run at once),
/// then times every episode of the run again (each episode replays the history so far, as a worker without extended
/// sessions does), for the ASL orchestrator and the hand-written one. Single-threaded and free of queues, so the ratio
/// is steadier than the wall-time ratio of <c>--durable</c>.
/// </summary>
internal static class ReplayBenchmark
{
    private static readonly DurableTaskShimFactory Shims = new(new DurableTaskWorkerOptions(), NullLoggerFactory.Instance);
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Task<int> RunAsync(DurableBenchOptions options)
    {
        var plans = new ExecutionPlanCache();
        var activity = new StateMachineTaskActivity(new BenchTaskHandler());
        foreach (var workflow in DurableBenchmark.Workflows(options.Count).Where(w => options.Selects(w.Name)))
        {
            var fanOut = workflow.HandWritten == "HandFanOut";
            Func<ITaskOrchestrator> asl = () => new StateMachineOrchestrator(plans);
            Func<ITaskOrchestrator> hand = () => new HandWrittenOrchestrator(fanOut, options.Count);
            // One generation, like the hand-written orchestrator: this mode measures what an episode costs, not how often.
            var aslInput = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, workflow.Definition, workflow.Input.DeepClone()) { MaxActionsPerGeneration = int.MaxValue });
            var aslEpisodes = Record(asl, aslInput, activity);
            var handEpisodes = Record(hand, workflow.Input.ToJsonString(), activity);
            var aslTimes = new List<double>();
            var handTimes = new List<double>();
            var aslCpu = new List<double>();
            var handCpu = new List<double>();
            for (var i = 0; i < options.Warmups + options.Runs; i++)
            {
                // Alternate which goes first; each starts from a collected heap so neither pays for the other's garbage.
                (double Wall, double? Cpu) a, h;
                if (i % 2 == 0)
                {
                    a = Time(asl, aslEpisodes);
                    h = Time(hand, handEpisodes);
                }
                else
                {
                    h = Time(hand, handEpisodes);
                    a = Time(asl, aslEpisodes);
                }
                if (i >= options.Warmups)
                {
                    aslTimes.Add(a.Wall);
                    handTimes.Add(h.Wall);
                    if (a.Cpu is { } ac && h.Cpu is { } hc)
                    {
                        aslCpu.Add(ac);
                        handCpu.Add(hc);
                    }
                }
            }

            if (DefinitionBenchmark.Allocations is { } sampler)
            {
                // --alloc-types: what each variant allocates by type, over as many runs as were measured.
                sampler.Print("warm-ups and timed runs, discarded", top: 0);
                Sample(sampler, $"replay {workflow.Name} ASL", asl, aslEpisodes, options.Runs);
                Sample(sampler, $"replay {workflow.Name} hand-written", hand, handEpisodes, options.Runs);
            }

            var aslBytes = Allocated(asl, aslEpisodes);
            var handBytes = Allocated(hand, handEpisodes);
            aslTimes.Sort();
            handTimes.Sort();
            aslCpu.Sort();
            handCpu.Sort();
            double aslMedian = aslTimes[aslTimes.Count / 2], handMedian = handTimes[handTimes.Count / 2];
            var cpu = aslCpu.Count == 0 ? string.Empty
                : $"  thread CPU: ASL {aslCpu[aslCpu.Count / 2]:F3} ms  hand {handCpu[handCpu.Count / 2]:F3} ms  ratio {aslCpu[aslCpu.Count / 2] / handCpu[handCpu.Count / 2]:F2}x (best {aslCpu[0] / handCpu[0]:F2}x)";
            Console.WriteLine($"replay {workflow.Name,-8} {aslEpisodes.Count,4} episodes: ASL {aslMedian,8:F2} ms  hand {handMedian,8:F2} ms  " +
                $"ratio {aslMedian / handMedian:F2}x (best {aslTimes[0] / handTimes[0]:F2}x)  ({options.Runs} runs)  " +
                $"allocated: ASL {aslBytes / 1048576.0:F2} MiB ({aslBytes:N0} B)  hand {handBytes / 1048576.0:F2} MiB ({handBytes:N0} B) per run{cpu}  load {LoadAverage.Read()}");
        }

        return Task.FromResult(0);
    }

    // The history before each episode of one run, episode by episode, and where its new events start.
    private static List<(HistoryEvent[] History, int NewFrom)> Record(Func<ITaskOrchestrator> orchestrator, string input, StateMachineTaskActivity activity)
    {
        OrchestrationInstance instance = new() { InstanceId = "bench", ExecutionId = "e1" };
        List<HistoryEvent> history =
        [
            new OrchestratorStartedEvent(-1) { Timestamp = Start },
            new ExecutionStartedEvent(-1, DurableTask.Core.Serializing.JsonDataConverter.Default.Serialize(input)) { Name = "Bench", Version = string.Empty, OrchestrationInstance = instance, Timestamp = Start },
        ];
        List<(HistoryEvent[], int)> episodes = [];
        var newFrom = 0;
        while (true)
        {
            episodes.Add(([.. history], newFrom));
            List<HistoryEvent> completed = [];
            foreach (var action in Replay(orchestrator, history, newFrom))
            {
                switch (action)
                {
                    case ScheduleTaskOrchestratorAction task:
                        history.Add(new TaskScheduledEvent(task.Id, task.Name!, task.Version, task.Input) { Timestamp = Start });
                        var shim = Shims.CreateActivity(new TaskName(task.Name!), activity);
                        completed.Add(new TaskCompletedEvent(-1, task.Id, shim.RunAsync(new TaskContext(instance), task.Input).GetAwaiter().GetResult()) { Timestamp = Start });
                        break;
                    case OrchestrationCompleteOrchestratorAction { OrchestrationStatus: OrchestrationStatus.Completed }:
                        return episodes;
                    default:
                        throw new InvalidOperationException($"Unexpected {action.GetType().Name} while recording.");
                }
            }

            history.Add(new OrchestratorCompletedEvent(-1) { Timestamp = Start });
            newFrom = history.Count;
            history.Add(new OrchestratorStartedEvent(-1) { Timestamp = Start });
            history.AddRange(completed);
        }
    }

    // Wall time and the thread's CPU time (single-threaded: the CPU time leaves out what other processes took).
    private static (double Wall, double? Cpu) Time(Func<ITaskOrchestrator> orchestrator, List<(HistoryEvent[] History, int NewFrom)> episodes)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var cpuBefore = ThreadCpuTime.Milliseconds();
        var watch = Stopwatch.StartNew();
        foreach (var (history, newFrom) in episodes)
        {
            _ = Replay(orchestrator, history, newFrom);
        }

        var wall = watch.Elapsed.TotalMilliseconds;
        return (wall, ThreadCpuTime.Milliseconds() - cpuBefore);
    }

    private static void Sample(AllocationSampler sampler, string title, Func<ITaskOrchestrator> orchestrator, List<(HistoryEvent[] History, int NewFrom)> episodes, int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            _ = Time(orchestrator, episodes);
        }

        sampler.Print(title, top: 40, runs);
    }

    private static long Allocated(Func<ITaskOrchestrator> orchestrator, List<(HistoryEvent[] History, int NewFrom)> episodes)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        _ = Time(orchestrator, episodes);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    // Events before newFrom were played in earlier episodes (the orchestrator replays them), the rest are new.
    private static IEnumerable<OrchestratorAction> Replay(Func<ITaskOrchestrator> orchestrator, IList<HistoryEvent> history, int newFrom)
    {
        var shim = Shims.CreateOrchestration(new TaskName("Bench"), orchestrator(), parent: null);
        OrchestrationRuntimeState state = new([.. history.Take(newFrom)]);
        foreach (var e in history.Skip(newFrom))
        {
            state.AddEvent(e);
        }

        TaskOrchestrationExecutor executor = new(state, shim, BehaviorOnContinueAsNew.Carryover, ErrorPropagationMode.UseFailureDetails);
        return [.. executor.Execute().Actions];
    }
}
