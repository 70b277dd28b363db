using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using DurableTask.Core;
using DurableTask.Core.Command;
using DurableHistoryEvent = DurableTask.Core.History.HistoryEvent;
using ExecutionCompletedEvent = DurableTask.Core.History.ExecutionCompletedEvent;
using OrchestratorStartedEvent = DurableTask.Core.History.OrchestratorStartedEvent;
using TaskScheduledEvent = DurableTask.Core.History.TaskScheduledEvent;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// Long loops continue as new (<see cref="StateMachineOrchestrator"/> with <see cref="StateMachineInput.Continuation"/>):
/// every generation's durable history stays bounded, and the execution's result and ASL history are those of a run
/// that never restarted.
/// </summary>
public sealed class StateMachineOrchestratorContinueAsNewTests
{
    private readonly ExecutionPlanCache plans = new();

    [Fact]
    public async Task Run_TaskLoopOf2000Iterations_CompletesWithEveryGenerationHistoryBounded()
    {
        string input = Input("loop-task", "task-loop", """{"limit":2000}""");

        DrivenRun run = await new ReplayDriver(new TestTaskHandler(), maxEpisodes: 100_000).RunAsync("task-loop", input, plans);

        ExecutionResult result = Result(run);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(2000, result.Output!["count"]!.GetValue<int>());
        Assert.Equal("task-loop", result.Output["name"]!.GetValue<string>());
        Assert.Equal(2000, run.Generations.Sum(g => g.OfType<TaskScheduledEvent>().Count()));
        Assert.True(run.Generations.Count >= 2000 / StateMachineOrchestrator.DefaultMaxActionsPerGeneration, $"{run.Generations.Count} generations");

        // 100 activities per generation: TaskScheduled, TaskCompleted and one OrchestratorStarted/Completed pair each.
        int largest = run.Generations.Max(g => g.Count);
        Assert.True(largest <= (4 * StateMachineOrchestrator.DefaultMaxActionsPerGeneration) + 10, $"largest generation history: {largest} events");
        Assert.True(run.History.Count <= largest);
    }

    [Fact]
    public async Task Run_PassChoiceLoop_ContinuesAsNewOnHistoryEventsAlone()
    {
        string input = Input("loop-pass", "pass-loop", """{"limit":5000}""", maxEvents: 1000);

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("pass-loop", input, plans);

        ExecutionResult result = Result(run);
        Assert.Equal(5000, result.Output!["count"]!.GetValue<int>());
        Assert.True(run.Generations.Count >= 20, $"{run.Generations.Count} generations");
        Assert.All(run.Generations, g => Assert.True(g.Count <= 6, $"{g.Count} events"));
        Assert.Equal(ReplayDriver.Start, DateTimeOffset.Parse(result.Output["started"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Run_LoopWithFewActionsPerGeneration_SameResultAndAslHistoryAsOneGeneration(int actionsPerGeneration)
    {
        (ExecutionResult expected, DrivenRun whole, List<Core.Engine.History.HistoryEvent> expectedHistory) = await RunWithHistoryAsync("loop-task", "same", int.MaxValue);

        (ExecutionResult actual, DrivenRun split, List<Core.Engine.History.HistoryEvent> actualHistory) = await RunWithHistoryAsync("loop-task", "same", actionsPerGeneration);

        Assert.Single(whole.Generations);
        Assert.True(split.Generations.Count >= 30 / actionsPerGeneration, $"{split.Generations.Count} generations");
        ReferenceRuns.AssertSame(expected, actual);
        Assert.Equal(expectedHistory.Select(Describe), actualHistory.Select(Describe));
    }

    [Fact]
    public async Task Run_ExecutionTimeoutAcrossGenerations_TimesOutAtTheOriginalDeadline()
    {
        string input = Input("loop-timeout", "timeout-loop", "{}", maxActions: 2);

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("timeout-loop", input, plans);

        ExecutionResult result = Result(run);
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(new AslError(StatesErrorNames.Timeout, null), result.Error);
        Assert.True(run.Generations.Count >= 2, $"{run.Generations.Count} generations");
        Assert.Equal(ReplayDriver.Start.AddSeconds(5), run.History.OfType<ExecutionCompletedEvent>().Single().Timestamp);
    }

    [Fact]
    public async Task Run_SkipWaitsAcrossGenerations_VirtualClockCarriesOverAndTimesOutWithoutRealTime()
    {
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, DurableFixtures.Definition("loop-timeout"), new JsonObject())
        {
            ExecutionName = "skip-loop",
            SkipWaits = true,
            MaxEventsPerGeneration = 4,
        });

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("skip-loop", input, plans);

        Assert.Equal(ExecutionStatus.TimedOut, Result(run).Status);
        Assert.True(run.Generations.Count >= 2, $"{run.Generations.Count} generations");
        Assert.All(run.Generations.SelectMany(g => g), e => Assert.Equal(ReplayDriver.Start, e.Timestamp));
    }

    [Fact]
    public async Task Run_ExecutionTimeoutNotReached_CompletesWithoutWaitingForTheDeadlineTimer()
    {
        string input = DurableJson.Serialize(new StateMachineInput(
            PayloadVersion.Current, """{"TimeoutSeconds":3600,"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Echo","TimeoutSeconds":60,"End":true}}}""", new JsonObject()));

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("deadline-not-reached", input, plans);

        Assert.Equal(ExecutionStatus.Succeeded, Result(run).Status);
        Assert.Empty(run.History.OfType<DurableTask.Core.History.TimerFiredEvent>());
    }

    [Fact]
    public async Task Replay_EveryEpisodeOfEveryGeneration_AsksForTheSameActionsIncludingContinueAsNew()
    {
        string input = Input("loop-task", "replay-loop", """{"limit":10}""", maxActions: 3);
        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("replay-loop", input, plans);
        Assert.True(run.Generations.Count >= 3);

        int continued = 0;
        foreach (IReadOnlyList<DurableHistoryEvent> generation in run.Generations)
        {
            List<DurableHistoryEvent> history = [.. generation];
            for (int start = 0; start < history.Count; start++)
            {
                if (history[start] is not OrchestratorStartedEvent)
                {
                    continue;
                }

                int firstAction = start + 1;
                while (firstAction < history.Count && !IsAction(history[firstAction]) && history[firstAction] is not DurableTask.Core.History.OrchestratorCompletedEvent)
                {
                    firstAction++;
                }

                List<string> recorded = [.. history.Skip(firstAction).TakeWhile(IsAction).Select(Describe)];
                List<string> replayed = [.. ReplayDriver.Replay(history.Take(firstAction).ToList(), start, new ExecutionPlanCache()).Select(Describe)];
                Assert.Equal(recorded, replayed);
                continued += recorded.Count(r => r.StartsWith("complete ContinuedAsNew", StringComparison.Ordinal));
            }
        }

        Assert.Equal(run.Generations.Count - 1, continued);
    }

    private string Input(string name, string executionName, string inputJson, int? maxActions = null, int? maxEvents = null) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, DurableFixtures.Definition(name), JsonNode.Parse(inputJson))
        {
            ExecutionName = executionName,
            MaxActionsPerGeneration = maxActions,
            MaxEventsPerGeneration = maxEvents,
        });

    private async Task<(ExecutionResult Result, DrivenRun Run, List<Core.Engine.History.HistoryEvent> History)> RunWithHistoryAsync(string name, string executionName, int actionsPerGeneration)
    {
        ListHistorySink sink = new();
        string input = Input(name, executionName, DurableFixtures.Input(name), maxActions: actionsPerGeneration);
        DrivenRun run = await new ReplayDriver(new TestTaskHandler(), historySinks: _ => sink).RunAsync(executionName, input, plans);
        return (Result(run), run, [.. sink.Events]);
    }

    private static ExecutionResult Result(DrivenRun run)
    {
        Assert.Equal(OrchestrationStatus.Completed, run.Status);
        return StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(run.Output!));
    }

    private static string Describe(Core.Engine.History.HistoryEvent e) =>
        $"{e.Id} {e.PreviousEventId} {e.Type} {e.Timestamp:O} {e.Details?.ToJsonString()}";

    private static bool IsAction(DurableHistoryEvent e) =>
        e is TaskScheduledEvent or DurableTask.Core.History.TimerCreatedEvent or ExecutionCompletedEvent;

    private static string Describe(DurableHistoryEvent e) => e switch
    {
        TaskScheduledEvent t => $"task {t.EventId} {t.Name} {t.Input}",
        DurableTask.Core.History.TimerCreatedEvent t => $"timer {t.EventId} {t.FireAt:O}",
        ExecutionCompletedEvent c => $"complete {c.OrchestrationStatus} {c.Result}",
        _ => e.EventType.ToString(),
    };

    private static string Describe(OrchestratorAction a) => a switch
    {
        ScheduleTaskOrchestratorAction t => $"task {t.Id} {t.Name} {t.Input}",
        CreateTimerOrchestratorAction t => $"timer {t.Id} {t.FireAt:O}",
        OrchestrationCompleteOrchestratorAction c => $"complete {c.OrchestrationStatus} {c.Result}",
        _ => a.OrchestratorActionType.ToString(),
    };
}
