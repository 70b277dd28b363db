using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>A redrive checkpoint names the map run of the Distributed Map it resumes, and how often it was redriven.</summary>
public sealed class RedriveCheckpointsMapRunTests
{
    private const string Definition = """
        {"StartAt":"Before","States":{
          "Before":{"Type":"Pass","Next":"Process"},
          "Process":{"Type":"Map","ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}},"End":true}}}
        """;

    private const string MapRun = "arn:aws:states:us-east-1:123456789012:mapRun:m/Process:abc";

    [Fact]
    public void From_MapStateWhoseMapRunFailed_NamesTheMapRun()
    {
        ExecutionCheckpoint checkpoint = From(FirstRun())!;

        Assert.Equal("Process", checkpoint.StateName);
        Assert.Equal(MapRun, checkpoint.RedriveMapRunArn);
        Assert.Equal(0, checkpoint.RedriveMapRunCount);
    }

    [Fact]
    public void From_MapRunRedrivenAndFailedAgain_CountsItsRedrives()
    {
        List<(string Type, JsonObject? Details)> events = [.. FirstRun(),
            (HistoryEventTypes.ExecutionRedriven, new JsonObject { ["redriveCount"] = 1 }),
            ("MapStateEntered", new JsonObject { ["name"] = "Process", ["input"] = "{}" }),
            (HistoryEventTypes.MapStateStarted, null),
            (HistoryEventTypes.MapRunRedriven, new JsonObject { ["mapRunArn"] = MapRun, ["redriveCount"] = 1 }),
            (HistoryEventTypes.MapRunFailed, null),
            (HistoryEventTypes.ExecutionFailed, null)];

        ExecutionCheckpoint checkpoint = From(events)!;

        Assert.Equal(MapRun, checkpoint.RedriveMapRunArn);
        Assert.Equal(1, checkpoint.RedriveMapRunCount);
    }

    [Fact]
    public void From_FailedAfterTheMapStateExited_NoMapRun()
    {
        List<(string Type, JsonObject? Details)> events = [.. FirstRun()];
        events[^2] = ("MapStateExited", new JsonObject { ["name"] = "Process", ["output"] = "[]" });
        events.Insert(events.Count - 1, ("PassStateEntered", new JsonObject { ["name"] = "Before", ["input"] = "{}" }));

        ExecutionCheckpoint checkpoint = From(events)!;

        Assert.Equal("Before", checkpoint.StateName);
        Assert.Null(checkpoint.RedriveMapRunArn);
    }

    private static List<(string Type, JsonObject? Details)> FirstRun() =>
    [
        (HistoryEventTypes.ExecutionStarted, null),
        ("PassStateEntered", new JsonObject { ["name"] = "Before", ["input"] = "{}" }),
        ("PassStateExited", new JsonObject { ["name"] = "Before", ["output"] = "{}" }),
        ("MapStateEntered", new JsonObject { ["name"] = "Process", ["input"] = "{}" }),
        (HistoryEventTypes.MapStateStarted, null),
        (HistoryEventTypes.MapRunStarted, new JsonObject { ["mapRunArn"] = MapRun }),
        (HistoryEventTypes.MapRunFailed, null),
        (HistoryEventTypes.ExecutionFailed, null),
    ];

    private static ExecutionCheckpoint? From(List<(string Type, JsonObject? Details)> events)
    {
        DateTimeOffset at = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
        List<HistoryEvent> history = [.. events.Select((e, i) => new HistoryEvent(i + 1, i, e.Type, at, e.Details))];
        return RedriveCheckpoints.From(new Interpreter(EngineRun.Compile(Definition)).Plan, history, "exec-1", 1, at);
    }
}
