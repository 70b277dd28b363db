using AslOnDurable.Runtime.Durable;
using DurableTask.Core.Command;
using DurableTask.Core.History;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// Replay safety: record a run's history, then replay every prefix of it through a fresh orchestrator with a cold
/// plan cache and assert it asks for exactly the actions the history recorded next (a worker that lost its memory,
/// or another machine, resumes each episode like this).
/// </summary>
public sealed class StateMachineOrchestratorReplayTests
{
    public static TheoryData<string> All { get; } = new(
        "pass-choice", "task-retry-catch", "wait-task", "parallel", "map", "fail", "thrown-and-crashed", "parallel-failure", "jsonata", "random", "timeout");

    [Theory]
    [MemberData(nameof(All))]
    public async Task Replay_EveryEpisodeOfRecordedHistory_AsksForTheSameActions(string name)
    {
        TestTaskHandler tasks = new();
        DrivenRun run = await new ReplayDriver(tasks, tasks.ReleaseHung).RunAsync("replay-" + name, ReferenceRuns.OrchestratorInput(name, "replay-" + name), new ExecutionPlanCache());
        List<HistoryEvent> history = [.. run.History];
        int episodes = 0;

        for (int start = 0; start < history.Count; start++)
        {
            if (history[start] is not OrchestratorStartedEvent)
            {
                continue;
            }

            int firstAction = start + 1;
            while (firstAction < history.Count && !IsAction(history[firstAction]) && history[firstAction] is not OrchestratorCompletedEvent)
            {
                firstAction++;
            }

            List<string> recorded = [.. history.Skip(firstAction).TakeWhile(IsAction).Select(Describe)];
            List<string> replayed = [.. ReplayDriver.Replay(history.Take(firstAction).ToList(), start, new ExecutionPlanCache()).Select(Describe)];
            Assert.Equal(recorded, replayed);
            episodes++;
        }

        Assert.True(episodes >= 1);
    }

    [Fact]
    public async Task Replay_RandomDefinition_IdsAndRandomNumbersAreStableAcrossReplays()
    {
        DrivenRun first = await new ReplayDriver(new TestTaskHandler()).RunAsync("same-instance", ReferenceRuns.OrchestratorInput("random", "x"), new ExecutionPlanCache());
        DrivenRun second = await new ReplayDriver(new TestTaskHandler()).RunAsync("same-instance", ReferenceRuns.OrchestratorInput("random", "x"), new ExecutionPlanCache());
        DrivenRun other = await new ReplayDriver(new TestTaskHandler()).RunAsync("other-instance", ReferenceRuns.OrchestratorInput("random", "x"), new ExecutionPlanCache());

        Assert.Equal(first.Output, second.Output);
        Assert.NotEqual(first.Output, other.Output);
    }

    private static bool IsAction(HistoryEvent e) =>
        e is TaskScheduledEvent or TimerCreatedEvent or ExecutionCompletedEvent or SubOrchestrationInstanceCreatedEvent or EventSentEvent;

    private static string Describe(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => $"task {t.EventId} {t.Name} {t.Input}",
        TimerCreatedEvent t => $"timer {t.EventId} {t.FireAt:O}",
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
