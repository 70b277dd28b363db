using System.Globalization;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// A state entered event is stamped with the same clock read as the state's <c>$$.State.EnteredTime</c> (one read per
/// state entered, not one for the event and another for the context object).
/// </summary>
public sealed class EnteredTimestampTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the compact sink takes direct records
    public async Task Run_ClockAdvancingOnEveryRead_EnteredEventStampedAsTheStatesEnteredTime(bool compact)
    {
        const string definition = """
            {"StartAt":"First","States":{
              "First":{"Type":"Pass","Parameters":{"entered.$":"$$.State.EnteredTime"},"ResultPath":"$.first","Next":"Second"},
              "Second":{"Type":"Pass","Parameters":{"entered.$":"$$.State.EnteredTime"},"ResultPath":"$.second","End":true}}}
            """;
        FakeExecutionHost host = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        host.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1); // every read of the clock gives a later time
        IHistorySink history = compact ? new CompactHistorySink() : new ListHistorySink();

        ExecutionResult result = await new Interpreter(EngineRun.Compile(definition)).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}"), Name = "exec-1", StateMachineName = "machine" }, host, new ExecutionOptions { History = history });
        IReadOnlyList<HistoryEvent> events = history is CompactHistorySink packed ? packed.Events : ((ListHistorySink)history).Events;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        foreach (var (state, member) in new[] { ("First", "first"), ("Second", "second") })
        {
            HistoryEvent entered = Assert.Single(events, e => e.Type == "PassStateEntered" && e.State?.Name == state);
            var enteredTime = DateTimeOffset.Parse(result.Output![member]!["entered"]!.GetValue<string>(), CultureInfo.InvariantCulture);
            Assert.Equal(enteredTime, entered.Timestamp);
        }

        Assert.True(events.Single(e => e.State?.Name == "Second" && e.Type == "PassStateEntered").Timestamp
            > events.Single(e => e.State?.Name == "First" && e.Type == "PassStateEntered").Timestamp);
    }
}
