using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Testing;
using DurableTask.Core;
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

        AssertEveryEpisodeReplays(run.History);
    }

    [Theory]
    [InlineData(".sync:2")]
    [InlineData(".sync")]
    public async Task Replay_NestedExecution_ParentAndChildAskForTheSameActions(string suffix)
    {
        const string prefix = "arn:aws:states:us-east-1:123456789012";
        TaskHandlerRegistry tasks = StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{prefix}:stateMachine:Child", DefinitionFiles.Read("nested", "child-echo"))]), () => Guid.Empty);
        string definition = DefinitionFiles.Read("nested", "parent")
            .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + suffix, StringComparison.Ordinal);
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, JsonNode.Parse($$"""{"arn":"{{prefix}}:stateMachine:Child","input":{"a":1},"name":"child-1"}"""))
        {
            ExecutionName = "parent-1",
        });
        ReplayDriver driver = new(tasks);

        DrivenRun run = await driver.RunAsync("parent-1", input, new ExecutionPlanCache());

        Assert.Equal(OrchestrationStatus.Completed, run.Status);
        Assert.Contains(run.History, e => e is SubOrchestrationInstanceCreatedEvent { InstanceId: "Child:child-1" }); // <machine>:<name>
        Assert.Contains("\"Status\":\"SUCCEEDED\"", run.Output, StringComparison.Ordinal);
        AssertEveryEpisodeReplays(run.History);
        AssertEveryEpisodeReplays(driver.Children["Child:child-1"].History);
    }

    [Fact]
    public async Task Replay_SyncChildCreatedUnderItsBareName_StillReplays()
    {
        // Parents in flight before children got <machine>:<name> instance ids recorded the bare name; replay compares the
        // sub-orchestration's name, not its instance id, so such a history replays with this code.
        const string prefix = "arn:aws:states:us-east-1:123456789012";
        TaskHandlerRegistry tasks = StartExecutionTaskHandler.Registry(
            new InMemoryStateMachineRegistry([new($"{prefix}:stateMachine:Child", DefinitionFiles.Read("nested", "child-echo"))]), () => Guid.Empty);
        string definition = DefinitionFiles.Read("nested", "parent")
            .Replace("arn:aws:states:::states:startExecution.sync:2", StartExecutionTaskHandler.Resource + ".sync:2", StringComparison.Ordinal);
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, JsonNode.Parse($$"""{"arn":"{{prefix}}:stateMachine:Child","input":{"a":1},"name":"child-1"}"""))
        {
            ExecutionName = "parent-1",
        });
        DrivenRun run = await new ReplayDriver(tasks).RunAsync("parent-1", input, new ExecutionPlanCache());
        List<HistoryEvent> older = [.. run.History];
        Assert.Single(older.OfType<SubOrchestrationInstanceCreatedEvent>()).InstanceId = "child-1";
        int lastEpisode = older.FindLastIndex(e => e is OrchestratorStartedEvent);
        int firstAction = older.FindIndex(lastEpisode, IsAction);

        // The episode after the child answered replays the creation under the old id, then completes as recorded.
        Assert.True(older.Take(lastEpisode).OfType<SubOrchestrationInstanceCreatedEvent>().Any());
        IReadOnlyList<OrchestratorAction> replayed = ReplayDriver.Replay(older.Take(firstAction).ToList(), lastEpisode, new ExecutionPlanCache());
        Assert.Equal([.. older.Skip(firstAction).TakeWhile(IsAction).Select(Describe)], replayed.Select(Describe));
        Assert.StartsWith("complete Completed", Describe(Assert.Single(replayed)), StringComparison.Ordinal);
    }

    /// <summary>Replays every prefix of a history through a fresh orchestrator with a cold plan cache.</summary>
    internal static void AssertEveryEpisodeReplays(IReadOnlyList<HistoryEvent> recordedHistory)
    {
        List<HistoryEvent> history = [.. recordedHistory];
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
        SubOrchestrationInstanceCreatedEvent c => $"child {c.EventId} {c.Name} {c.InstanceId}",
        _ => e.EventType.ToString(),
    };

    private static string Describe(OrchestratorAction a) => a switch
    {
        ScheduleTaskOrchestratorAction t => $"task {t.Id} {t.Name} {t.Input}",
        CreateTimerOrchestratorAction t => $"timer {t.Id} {t.FireAt:O}",
        OrchestrationCompleteOrchestratorAction c => $"complete {c.OrchestrationStatus} {c.Result}",
        CreateSubOrchestrationAction c => $"child {c.Id} {c.Name} {c.InstanceId}",
        _ => a.OrchestratorActionType.ToString(),
    };
}
