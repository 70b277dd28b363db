using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// Redrive checkpoints read from a closed execution's history (<see cref="RedriveCheckpoints"/>), resumed with
/// <see cref="Interpreter.ResumeAsync"/>: the unsuccessful top-level state runs again with its input and the variables
/// as they were; the states before it do not.
/// </summary>
public sealed class RedriveCheckpointsTests
{
    private const string Definition = """
        {"TimeoutSeconds":100,"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Result":{"n":1},"Assign":{"label":"first","count":1},"Next":"Bump"},
          "Bump":{"Type":"Pass","Assign":{"count":2},"Next":"Fan"},
          "Fan":{"Type":"Parallel","ResultPath":"$.par","Next":"Work","Branches":[
            {"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Assign":{"inner":true},"Result":"x","End":true}}}]},
          "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"n.$":"$.n"},"ResultPath":"$.work","Next":"Done"},
          "Done":{"Type":"Pass","Parameters":{"work.$":"$.work","label.$":"$label","count.$":"$count","redrives.$":"$$.Execution.RedriveCount","redriven.$":"$$.Execution.RedriveTime"},"End":true}}}
        """;

    [Fact]
    public async Task From_FailedTask_ResumesAtTheTaskWithItsInputAndTopLevelVariables()
    {
        Interpreter interpreter = new(EngineRun.Compile(Definition));
        FakeExecutionHost host = new();
        host.FailThenSucceed(1, "Boom", JsonNode.Parse("""{"ok":true}"""));
        ListHistorySink history = new();
        ExecutionResult failed = await interpreter.RunAsync(Request(), host, new ExecutionOptions { History = history });
        DateTimeOffset redriveTime = host.UtcNow.AddMinutes(5);

        ExecutionCheckpoint checkpoint = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 1, redriveTime)!;

        Assert.Equal(ExecutionStatus.Failed, failed.Status);
        Assert.Equal("Work", checkpoint.StateName);
        JsonAssert.Equal("""{"n":1,"par":["x"]}""", checkpoint.StateInput);
        JsonAssert.Equal("""{"label":"first","count":2}""", checkpoint.Variables);
        Assert.Equal(history.Events[^1].Id, checkpoint.LastEventId);
        Assert.Equal(history.Events[^1].Id, checkpoint.PreviousEventId);
        Assert.True(checkpoint.IsRedrive);
        Assert.Equal(history.Events[0].Timestamp, checkpoint.StartTime);

        host.Clock.SetUtcNow(redriveTime);
        ExecutionResult redriven = await interpreter.ResumeAsync(checkpoint, Request(), host, new ExecutionOptions { History = history });

        Assert.Equal(ExecutionStatus.Succeeded, redriven.Status);
        JsonAssert.Equal(
            """{"work":{"ok":true},"label":"first","count":2,"redrives":1,"redriven":"2024-01-02T03:09:05.000Z"}""",
            redriven.Output);
        Assert.Equal(2, host.Invocations.Count);
        List<HistoryEvent> events = [.. history.Events];
        Assert.Single(events, e => e.Type == "PassStateEntered" && (string?)e.Details!["name"] == "Init");
        HistoryEvent marker = events.Single(e => e.Type == HistoryEventTypes.ExecutionRedriven);
        Assert.Equal(checkpoint.LastEventId + 1, marker.Id);
        Assert.Equal(checkpoint.LastEventId, marker.PreviousEventId);
        Assert.Equal(1, (int)marker.Details!["redriveCount"]!);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
    }

    [Fact]
    public async Task From_StateExitedEvents_CarryAssignedVariablesAsJsonText()
    {
        Interpreter interpreter = new(EngineRun.Compile(Definition));
        ListHistorySink history = new();

        await interpreter.RunAsync(Request(), new FakeExecutionHost(), new ExecutionOptions { History = history });

        JsonObject init = history.Events.First(e => e.Type == "PassStateExited").Details!;
        JsonAssert.Equal("""{"label":"\"first\"","count":"1"}""", init["assignedVariables"]);
        JsonAssert.Equal("""{"truncated":false}""", init["assignedVariablesDetails"]);
        Assert.DoesNotContain(history.Events, e => e.Type == "ParallelStateExited" && e.Details!.ContainsKey("assignedVariables"));
    }

    [Fact]
    public async Task From_RedriveAfterTimeout_DeadlineCountsFromTheRedrive()
    {
        string definition = """
            {"TimeoutSeconds":10,"StartAt":"Pause","States":{
              "Pause":{"Type":"Wait","SecondsPath":"$.wait","Next":"Done"},
              "Done":{"Type":"Succeed"}}}
            """;
        Interpreter interpreter = new(EngineRun.Compile(definition));
        FakeExecutionHost host = new();
        ListHistorySink history = new();
        ExecutionRequest request = new() { Input = JsonNode.Parse("""{"wait":8}"""), Name = "exec-1" };
        host.Clock.Advance(TimeSpan.FromSeconds(5)); // the wait of 8 s would pass the deadline only from the original start
        ExecutionResult timedOut = await interpreter.RunAsync(request with { Input = JsonNode.Parse("""{"wait":20}""") }, host, new ExecutionOptions { History = history });

        ExecutionCheckpoint checkpoint = RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 1, host.UtcNow)! with
        {
            StateInput = JsonNode.Parse("""{"wait":8}"""),
        };
        ExecutionResult redriven = await interpreter.ResumeAsync(checkpoint, request, host, new ExecutionOptions { History = history });

        Assert.Equal(ExecutionStatus.TimedOut, timedOut.Status);
        Assert.Equal(ExecutionStatus.Succeeded, redriven.Status);
    }

    [Fact]
    public async Task From_SucceededOrEmptyHistory_Null()
    {
        Interpreter interpreter = new(EngineRun.Compile("""{"StartAt":"Only","States":{"Only":{"Type":"Pass","Assign":{"a":1},"End":true}}}"""));
        ListHistorySink history = new();
        await interpreter.RunAsync(Request(), new FakeExecutionHost(), new ExecutionOptions { History = history });

        Assert.Null(RedriveCheckpoints.From(interpreter.Plan, history.Events, "exec-1", 1, DateTimeOffset.UnixEpoch));
        Assert.Null(RedriveCheckpoints.From(interpreter.Plan, [], "exec-1", 1, DateTimeOffset.UnixEpoch));
    }

    private static ExecutionRequest Request() => new() { Input = JsonNode.Parse("{}"), Name = "exec-1", StateMachineName = "machine" };
}
