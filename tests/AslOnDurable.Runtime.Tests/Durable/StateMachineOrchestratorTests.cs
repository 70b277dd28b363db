using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using DurableTask.Core;
using DurableTask.Core.History;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>The orchestrator on the replaying test driver (real DurableTask.Core executor and shims, virtual time).</summary>
public sealed class StateMachineOrchestratorTests
{
    private readonly ExecutionPlanCache plans = new();

    private async Task<(ExecutionResult Result, DrivenRun Run)> RunAsync(string name, string executionName)
    {
        TestTaskHandler tasks = new();
        DrivenRun run = await new ReplayDriver(tasks, tasks.ReleaseHung).RunAsync(executionName, ReferenceRuns.OrchestratorInput(name, executionName), plans);
        Assert.Equal(OrchestrationStatus.Completed, run.Status);
        return (StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(run.Output!)), run);
    }

    [Theory]
    [MemberData(nameof(DurableFixtures.Parity), MemberType = typeof(DurableFixtures))]
    public async Task Run_Fixture_SameResultAsInMemoryEngine(string name)
    {
        ExecutionResult expected = await ReferenceRuns.InMemoryAsync(name, "exec-" + name);

        (ExecutionResult actual, _) = await RunAsync(name, "exec-" + name);

        ReferenceRuns.AssertSame(expected, actual);
    }

    [Fact]
    public async Task Run_WaitOneSecond_WaitsOnADurableTimer()
    {
        (ExecutionResult result, DrivenRun run) = await RunAsync("wait-task", "wait");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        TimerCreatedEvent timer = Assert.Single(run.History.OfType<TimerCreatedEvent>());
        Assert.Equal(ReplayDriver.Start.AddSeconds(1), timer.FireAt);
    }

    [Fact]
    public async Task Run_RetryAfterTransientError_BacksOffOnADurableTimerThenCallsAgain()
    {
        (ExecutionResult result, DrivenRun run) = await RunAsync("task-retry-catch", "retry");

        Assert.Equal("""{"attempts":2}""", result.Output!["flaky"]!.ToJsonString());
        Assert.Single(run.History.OfType<TimerCreatedEvent>());
        Assert.Equal(3, run.History.OfType<TaskScheduledEvent>().Count());
    }

    [Fact]
    public async Task Run_MapWithMaxConcurrency3_NeverHasMoreThan3ActivitiesInFlight()
    {
        (_, DrivenRun run) = await RunAsync("map", "map");

        int inFlight = 0, most = 0;
        foreach (HistoryEvent e in run.History)
        {
            inFlight += e switch { TaskScheduledEvent => 1, TaskCompletedEvent => -1, _ => 0 };
            most = Math.Max(most, inFlight);
        }

        Assert.Equal(3, most);
        Assert.Equal(12, run.History.OfType<TaskScheduledEvent>().Count());
    }

    [Fact]
    public async Task Run_ParallelBranches_ScheduleTheirFirstTasksInOneEpisode()
    {
        (_, DrivenRun run) = await RunAsync("parallel", "parallel");

        List<HistoryEvent> firstEpisode = [.. run.History.TakeWhile(e => e is not OrchestratorCompletedEvent)];
        Assert.Equal(2, firstEpisode.OfType<TaskScheduledEvent>().Count());
    }

    [Fact]
    public async Task Run_ExecutionTimeoutWhileTaskRuns_EndsTimedOutAndIgnoresTheLateResult()
    {
        (ExecutionResult result, DrivenRun run) = await RunAsync("timeout", "timeout");

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Null(result.Output);
        Assert.Single(run.History.OfType<TaskCompletedEvent>());
        Assert.Equal(new AslError(StatesErrorNames.Timeout, null), result.Error);
        Assert.Equal(ReplayDriver.Start.AddSeconds(1), Assert.Single(run.History.OfType<TimerFiredEvent>()).FireAt);
    }

    [Fact]
    public async Task Run_InvalidDefinition_FailsWithStatesRuntimeNamingTheProblem()
    {
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, """{"StartAt":"Nope","States":{}}""", new JsonObject()));

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("invalid", input, plans);

        ExecutionResult result = StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(run.Output!));
        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.StartsWith("The definition is invalid: ", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputFromANewerBuild_FailsTheOrchestration()
    {
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current + 1, DurableFixtures.Definition("fail"), null));

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("newer", input, plans);

        Assert.Equal(OrchestrationStatus.Failed, run.Status);
        Assert.Null(run.Output);
        Assert.Contains("not supported", run.Failure!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_InputMembersDifferingOnlyInCase_AreTwoMembers()
    {
        const string definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","Parameters":{"lower.$":"$.a","upper.$":"$.A"},"End":true}}}""";
        string input = DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, JsonNode.Parse("""{"a":1,"A":2}""")));

        DrivenRun run = await new ReplayDriver(new TestTaskHandler()).RunAsync("cased", input, plans);

        ExecutionResult result = StateMachineResults.ToResult(DurableJson.Deserialize<StateMachineOutput>(run.Output!));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"lower":1,"upper":2}""", result.Output!.ToJsonString());
    }
}
