using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// The closing event ends the history: a Parallel branch still running when another branch failed the execution
/// records nothing after ExecutionFailed (AWS's histories end with the closing event; a redrive reads the history whole).
/// </summary>
public sealed class ClosingEventTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the compact sink takes direct records (the late branch's task success among them)
    public async Task Run_BranchFinishesAfterTheExecutionFailed_RecordsNothingAfterExecutionFailed(bool compact)
    {
        const string definition = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Parallel","End":true,"Branches":[
              {"StartAt":"Slow","States":{"Slow":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:slow","Next":"After"},
                                          "After":{"Type":"Pass","End":true}}},
              {"StartAt":"Boom","States":{"Boom":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:boom","End":true}}}]}}}
            """;
        Interpreter interpreter = new(EngineRun.Compile(definition));
        TaskCompletionSource<TaskOutcome> slow = new(); // continuations run inline in SetResult: the branch goes on there
        SlowTaskHost host = new(slow.Task);
        IHistorySink history = compact ? new CompactHistorySink() : new ListHistorySink();
        IReadOnlyList<HistoryEvent> Events() => history is CompactHistorySink packed ? packed.Events : ((ListHistorySink)history).Events;

        // Run without the test's synchronization context, so that the branch's continuation is not posted to it.
        ExecutionResult result = await Task.Run(() => interpreter.RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}"), Name = "exec-1", StateMachineName = "machine" }, host, new ExecutionOptions { History = history }).AsTask());
        int closedWith = Events().Count;
        slow.SetResult(TaskOutcome.Success(JsonNode.Parse("""{"late":true}""")));

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(HistoryEventTypes.ExecutionFailed, Events()[^1].Type);
        Assert.Equal(closedWith, Events().Count);
        Assert.Single(Events(), e => e.Type == HistoryEventTypes.ExecutionFailed);
        Assert.Contains(Events(), e => e.Type == "LambdaFunctionScheduled" && e.Details?["resource"]?.ToString().EndsWith(":slow", StringComparison.Ordinal) == true);
    }

    /// <summary>Task <c>slow</c> completes when the test says so; every other task fails at once.</summary>
    private sealed class SlowTaskHost(Task<TaskOutcome> slow) : IExecutionHost
    {
        private readonly FakeExecutionHost clock = new();

        public DateTimeOffset UtcNow => clock.UtcNow;

        public Guid NewGuid() => clock.NewGuid();

        public double NextRandom() => clock.NextRandom();

        public ValueTask WaitUntilAsync(DateTimeOffset fireAt) => clock.WaitUntilAsync(fireAt);

        public ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation) =>
            invocation.Resource.EndsWith(":slow", StringComparison.Ordinal)
                ? new ValueTask<TaskOutcome>(slow)
                : new ValueTask<TaskOutcome>(TaskOutcome.Failure(new AslError("Boom", "fails at once")));
    }
}
