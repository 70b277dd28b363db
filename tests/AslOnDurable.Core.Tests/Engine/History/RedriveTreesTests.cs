using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// What a redrive keeps of an unfinished inline Map or Parallel (<see cref="RedriveTrees"/>), read from a history that
/// already holds earlier redrives: each child is judged by its last run only, so a child that succeeded in any earlier run
/// is kept and only the unsuccessful ones run again.
/// </summary>
public sealed class RedriveTreesTests
{
    // MaxConcurrency 1: iteration 1 fails (its first call), 2 and 3 never start; the first redrive keeps 0, reruns 1,
    // runs 2, and 3 fails; the second keeps 0-2 and reruns 3.
    private const string MapDefinition = """
        {"StartAt":"Each","States":{"Each":{"Type":"Map","MaxConcurrency":1,"End":true,
          "ItemSelector":{"n.$":"$$.Map.Item.Value"},
          "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Odd","States":{
            "Odd":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":0,"Next":"Work"}],"Default":"Work"},
            "Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:work","End":true}}}}}}
        """;

    [Fact]
    public async Task For_InlineMapAfterTwoRuns_KeepsEverySucceededIteration_ResumesOnlyTheFailedOne()
    {
        (Interpreter interpreter, FakeExecutionHost host, ListHistorySink history) = Setup(MapDefinition, failOnce: [1, 3]);
        await interpreter.RunAsync(Request("[0,1,2,3]"), host, new ExecutionOptions { History = history });
        await RedriveAsync(interpreter, host, history, 1, ExecutionStatus.Failed);

        ExecutionCheckpoint second = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 2, host.UtcNow)!;

        JsonAssert.Equal("""{"0":{"n":0,"call":1},"1":{"n":1,"call":2},"2":{"n":2,"call":1}}""", second.RedriveChildren![RedriveTrees.Kept]);
        JsonAssert.Equal("""{"3":{"state":"Work","input":{"n":3}}}""", second.RedriveChildren[RedriveTrees.Resume]);
    }

    [Fact]
    public async Task For_InlineMapFirstRedrive_KeepsTheIterationThatSucceededBeforeTheFailure()
    {
        (Interpreter interpreter, FakeExecutionHost host, ListHistorySink history) = Setup(MapDefinition, failOnce: [1, 3]);
        await interpreter.RunAsync(Request("[0,1,2,3]"), host, new ExecutionOptions { History = history });

        ExecutionCheckpoint first = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 1, host.UtcNow)!;

        JsonAssert.Equal("""{"0":{"n":0,"call":1}}""", first.RedriveChildren![RedriveTrees.Kept]);
        JsonAssert.Equal("""{"1":{"state":"Work","input":{"n":1}}}""", first.RedriveChildren[RedriveTrees.Resume]);
    }

    [Fact]
    public async Task Resume_InlineMapRedrivenTwice_RunsEachIterationUntilItSucceeds_NeverAgain()
    {
        (Interpreter interpreter, FakeExecutionHost host, ListHistorySink history) = Setup(MapDefinition, failOnce: [1, 3]);
        await interpreter.RunAsync(Request("[0,1,2,3]"), host, new ExecutionOptions { History = history });
        await RedriveAsync(interpreter, host, history, 1, ExecutionStatus.Failed);

        ExecutionResult done = await RedriveAsync(interpreter, host, history, 2, ExecutionStatus.Succeeded);

        JsonAssert.Equal("""[{"n":0,"call":1},{"n":1,"call":2},{"n":2,"call":1},{"n":3,"call":2}]""", done.Output);
        Assert.Equal([0, 1, 1, 2, 3, 3], host.Invocations.Select(i => (int)i.Input!["n"]!));
        List<HistoryEvent> events = [.. history.Events];
        int lastRedrive = events.FindLastIndex(e => e.Type == HistoryEventTypes.ExecutionRedriven);
        Assert.Single(events.Skip(lastRedrive), e => e.Type == HistoryEventTypes.MapIterationStarted);
    }

    [Fact]
    public async Task Resume_ParallelInsideMapIterationRedrivenTwice_KeepsTheBranchThatSucceededInTheOriginalRun()
    {
        // Branch B fails its first two calls: the first redrive resumes the iteration at Both with A kept; B fails again,
        // so the second redrive must still keep A (it left no events in the first redrive's attempt).
        string definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,"ItemSelector":{"n.$":"$$.Map.Item.Value"},
              "ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Pre","States":{
                "Pre":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:pre","ResultPath":null,"Next":"Both"},
                "Both":{"Type":"Parallel","End":true,"Branches":[
                  {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:a","End":true}}},
                  {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:b","End":true}}}]}}}}}}
            """;
        (Interpreter interpreter, FakeExecutionHost host, ListHistorySink history) = Setup(definition, (function, _, call) => function == "b" && call <= 2);
        await interpreter.RunAsync(Request("[7]"), host, new ExecutionOptions { History = history });
        await RedriveAsync(interpreter, host, history, 1, ExecutionStatus.Failed, "[7]");

        ExecutionResult done = await RedriveAsync(interpreter, host, history, 2, ExecutionStatus.Succeeded, "[7]");

        JsonAssert.Equal("""[[{"n":7,"call":1},{"n":7,"call":3}]]""", done.Output);
        Assert.Equal(["a", "b", "b", "b", "pre"], host.Invocations.Select(i => i.Resource.Split(':')[^1]).Order());
    }

    [Fact]
    public async Task For_RetriedAfterTheRedrive_JudgesTheLastAttemptAlone()
    {
        // The first redrive's attempt keeps A and fails in B; the Retry's attempt runs both branches and fails in B again:
        // the second redrive keeps A from that last attempt (its own call), not from the original run.
        string definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,
              "Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":1,"IntervalSeconds":1}],"Branches":[
                {"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:a","End":true}}},
                {"StartAt":"B","States":{"B":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:b","End":true}}}]}}}
            """;
        (Interpreter interpreter, FakeExecutionHost host, ListHistorySink history) = Setup(definition, (function, _, call) => function == "b" && call <= 4);
        await interpreter.RunAsync(Request("""{"n":5}"""), host, new ExecutionOptions { History = history });
        await RedriveAsync(interpreter, host, history, 1, ExecutionStatus.Failed, """{"n":5}""");

        ExecutionCheckpoint second = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 2, host.UtcNow)!;

        JsonAssert.Equal("""{"0":{"n":5,"call":3}}""", second.RedriveChildren![RedriveTrees.Kept]);
        JsonAssert.Equal("""{"1":{"state":"B","input":{"n":5}}}""", second.RedriveChildren[RedriveTrees.Resume]);
    }

    private static (Interpreter, FakeExecutionHost, ListHistorySink) Setup(string definition, int[] failOnce) =>
        Setup(definition, (_, n, call) => call == 1 && failOnce.Contains(n));

    /// <summary>A host whose task calls fail when <paramref name="fails"/> says so (by function name, item and call count per both).</summary>
    private static (Interpreter, FakeExecutionHost, ListHistorySink) Setup(string definition, Func<string, int, int, bool> fails)
    {
        Interpreter interpreter = new(EngineRun.Compile(definition));
        FakeExecutionHost host = new();
        Dictionary<(string, int), int> calls = [];
        host.Tasks = invocation =>
        {
            string function = invocation.Resource.Split(':')[^1];
            int n = (int)invocation.Input!["n"]!;
            int call = calls[(function, n)] = calls.GetValueOrDefault((function, n)) + 1;
            return fails(function, n, call)
                ? TaskOutcome.Failure(new AslError("Flaky.Failed", "this call fails"))
                : TaskOutcome.Success(new JsonObject { ["n"] = n, ["call"] = call });
        };
        return (interpreter, host, new ListHistorySink());
    }

    private static async Task<ExecutionResult> RedriveAsync(
        Interpreter interpreter, FakeExecutionHost host, ListHistorySink history, int count, ExecutionStatus expected, string input = "[0,1,2,3]")
    {
        ExecutionCheckpoint checkpoint = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", count, host.UtcNow)!;
        ExecutionResult result = await interpreter.ResumeAsync(checkpoint, Request(input), host, new ExecutionOptions { History = history });
        Assert.Equal(expected, result.Status);
        return result;
    }

    private static ExecutionRequest Request(string input) => new() { Input = JsonNode.Parse(input), Name = "exec-1", StateMachineName = "machine" };
}
