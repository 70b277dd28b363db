using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine;

/// <summary>
/// Checkpoint and resume (<see cref="IExecutionHost.ShouldCheckpoint"/>, <see cref="Interpreter.ResumeAsync"/>): a run
/// stopped at top-level state boundaries and resumed from its serialized checkpoints must be indistinguishable from a
/// run that never stopped — same output, same history (ids, previous ids, types, times, details).
/// </summary>
public sealed class InterpreterCheckpointTests
{
    private const string Loop = """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Assign":{"count":0,"label":"loop"},"Next":"Work"},
          "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                  "Parameters":{"i.$":"$count","start.$":"$$.Execution.StartTime","name.$":"$$.Execution.Name","seed.$":"$$.Execution.Input.seed"},
                  "ResultPath":"$.last","Next":"Inc"},
          "Inc":{"Type":"Pass","Assign":{"count.$":"States.MathAdd($count, 1)"},"Next":"Pause"},
          "Pause":{"Type":"Wait","Seconds":1,"Next":"Check"},
          "Check":{"Type":"Choice","Choices":[{"Variable":"$count","NumericLessThan":5,"Next":"Work"}],"Default":"Branches"},
          "Branches":{"Type":"Parallel","ResultPath":"$.par","Next":"Done","Branches":[
            {"StartAt":"L","States":{"L":{"Type":"Pass","Result":"left","End":true}}},
            {"StartAt":"R","States":{"R":{"Type":"Pass","Parameters":{"label.$":"$label"},"End":true}}}]},
          "Done":{"Type":"Pass","Parameters":{"count.$":"$count","label.$":"$label","last.$":"$.last","par.$":"$.par","id.$":"States.UUID()","now.$":"$$.State.EnteredTime"},"End":true}}}
        """;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task ResumeAsync_CheckpointEveryFewEvents_SameOutputAndHistoryAsAnUninterruptedRun(int eventsPerSegment)
    {
        (ExecutionResult expected, List<HistoryEvent> expectedHistory, _) = await RunAsync(Loop, int.MaxValue);

        (ExecutionResult actual, List<HistoryEvent> actualHistory, int segments) = await RunAsync(Loop, eventsPerSegment);

        Assert.Equal(ExecutionStatus.Succeeded, expected.Status);
        Assert.True(segments > 5, $"only {segments} segments");
        Assert.Equal(expected.Status, actual.Status);
        JsonAssert.Equal(expected.Output!.ToJsonString(), actual.Output);
        Assert.Equal(expectedHistory.Select(Describe), actualHistory.Select(Describe));
    }

    [Fact]
    public async Task ResumeAsync_ExecutionTimeout_CountsFromTheOriginalStart()
    {
        string definition = """
            {"TimeoutSeconds":3,"StartAt":"Pause","States":{
              "Pause":{"Type":"Wait","Seconds":1,"Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.stop","IsPresent":true,"Next":"Done"}],"Default":"Pause"},
              "Done":{"Type":"Succeed"}}}
            """;

        (ExecutionResult expected, List<HistoryEvent> expectedHistory, _) = await RunAsync(definition, int.MaxValue);
        (ExecutionResult actual, List<HistoryEvent> actualHistory, int segments) = await RunAsync(definition, 2);

        Assert.Equal(ExecutionStatus.TimedOut, expected.Status);
        Assert.Equal(ExecutionStatus.TimedOut, actual.Status);
        Assert.True(segments > 2);
        Assert.Equal(expectedHistory.Select(Describe), actualHistory.Select(Describe));
    }

    [Fact]
    public async Task RunAsync_HostNeverAsksForACheckpoint_NoCheckpointInTheResult()
    {
        (ExecutionResult result, _, int segments) = await RunAsync(Loop, int.MaxValue);

        Assert.Equal(1, segments);
        Assert.Null(result.Checkpoint);
    }

    [Fact]
    public async Task RunAsync_HostAsksAtTheFirstBoundary_CheckpointHasNextStateInputVariablesAndIds()
    {
        Interpreter interpreter = new(EngineRun.Compile(Loop));
        CheckpointingHost host = new(new FakeExecutionHost(), 1);
        ListHistorySink history = new();

        ExecutionResult result = await interpreter.RunAsync(Request(), host, new ExecutionOptions { History = history });

        Assert.Equal(ExecutionStatus.ContinuedAsNew, result.Status);
        Assert.Equal("RUNNING", result.StatusName);
        ExecutionCheckpoint checkpoint = result.Checkpoint!;
        Assert.Equal("Work", checkpoint.StateName);
        JsonAssert.Equal("""{"seed":42}""", checkpoint.StateInput);
        JsonAssert.Equal("""{"count":0,"label":"loop"}""", checkpoint.Variables);
        Assert.Equal("exec-1", checkpoint.ExecutionName);
        Assert.Equal(history.Events[^1].Id, checkpoint.LastEventId);
        Assert.Equal(history.Events[^1].Id, checkpoint.PreviousEventId);
        Assert.Equal("PassStateExited", history.Events[^1].Type);
    }

    [Theory]
    [InlineData(4, ExecutionStatus.Succeeded)]
    [InlineData(5, ExecutionStatus.Failed)]
    public async Task ResumeAsync_RestoredVariables_MeasuredAgainForTheExecutionTotal(int lastBytes, ExecutionStatus expected)
    {
        // a: 10 bytes, then replaced by 16; b: 4 or 5 bytes. The total limit of 20 is met exactly or passed by one byte,
        // whether the variables were restored from a checkpoint before each state or never left the engine.
        string definition = """
            {"StartAt":"First","States":{
              "First":{"Type":"Pass","Assign":{"a":"12345678"},"Next":"Second"},
              "Second":{"Type":"Pass","Assign":{"a":"12345678901234"},"Next":"Third"},
              "Third":{"Type":"Pass","Assign":{"b":"LAST"},"End":true}}}
            """.Replace("LAST", new string('b', lastBytes - 2), StringComparison.Ordinal);
        ExecutionOptions limits = new() { MaxTotalVariableBytes = 20 };

        (ExecutionResult uninterrupted, _, _) = await RunAsync(definition, int.MaxValue, limits);
        (ExecutionResult resumed, _, int segments) = await RunAsync(definition, 1, limits);

        Assert.Equal(3, segments);
        Assert.Equal(expected, uninterrupted.Status);
        Assert.Equal(expected, resumed.Status);
        Assert.Equal(uninterrupted.Error, resumed.Error);
    }

    [Fact]
    public async Task ResumeAsync_UnknownState_Throws()
    {
        Interpreter interpreter = new(EngineRun.Compile(Loop));
        ExecutionCheckpoint checkpoint = new() { StateName = "Nope", StartTime = DateTimeOffset.UnixEpoch, ExecutionName = "x" };

        await Assert.ThrowsAsync<ArgumentException>(async () => await interpreter.ResumeAsync(checkpoint, Request(), new FakeExecutionHost()));
    }

    private static ExecutionRequest Request() => new() { Input = JsonNode.Parse("""{"seed":42}"""), Name = "exec-1", StateMachineName = "machine" };

    /// <summary>Runs to the end, resuming from each checkpoint after a JSON round trip (as a durable host stores it).</summary>
    private static async Task<(ExecutionResult Result, List<HistoryEvent> History, int Segments)> RunAsync(string definition, int eventsPerSegment, ExecutionOptions? limits = null)
    {
        Interpreter interpreter = new(EngineRun.Compile(definition));
        CheckpointingHost host = new(new FakeExecutionHost(), eventsPerSegment);
        ListHistorySink history = new();
        ExecutionOptions options = (limits ?? new ExecutionOptions()) with { History = history };
        ExecutionResult result = await interpreter.RunAsync(Request(), host, options);
        int segments = 1;
        while (result.Status == ExecutionStatus.ContinuedAsNew)
        {
            string stored = JsonSerializer.Serialize(result.Checkpoint);
            ExecutionCheckpoint checkpoint = JsonSerializer.Deserialize<ExecutionCheckpoint>(stored)!;
            result = await interpreter.ResumeAsync(checkpoint, Request(), host, options);
            segments++;
            Assert.True(segments < 1000, "the run does not end");
        }

        return (result, [.. history.Events], segments);
    }

    private static string Describe(HistoryEvent e) =>
        $"{e.Id} {e.PreviousEventId} {e.Type} {e.Timestamp:O} {e.Details?.ToJsonString()}";

    /// <summary>A fake host that asks for a checkpoint once a segment has recorded enough events.</summary>
    private sealed class CheckpointingHost(FakeExecutionHost inner, int eventsPerSegment) : IExecutionHost
    {
        public DateTimeOffset UtcNow => inner.UtcNow;

        public Guid NewGuid() => inner.NewGuid();

        public double NextRandom() => inner.NextRandom();

        public ValueTask WaitUntilAsync(DateTimeOffset fireAt) => inner.WaitUntilAsync(fireAt);

        public ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation) => inner.InvokeTaskAsync(invocation);

        public bool ShouldCheckpoint(long eventCount) => eventCount >= eventsPerSegment;
    }
}
