using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class WaitStateExecutorTests
{
    [Fact]
    public void Execute_Seconds_RequestsTimerAndClockMoves()
    {
        var host = new FakeExecutionHost();
        var start = host.UtcNow;

        var result = EngineRun.Run("""
            {"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":30,"Next":"P"},"P":{"Type":"Pass","Parameters":{"t.$":"$$.State.EnteredTime"},"End":true}}}
            """, "{}", host);

        Assert.Equal([start.AddSeconds(30)], host.Timers);
        Assert.Equal("2024-01-02T03:04:35.000Z", result.Output!["t"]!.GetValue<string>());
    }

    [Fact]
    public void Execute_TimestampPath_WaitsUntilTimestamp()
    {
        var host = new FakeExecutionHost();

        EngineRun.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""", """{"at":"2024-01-02T05:00:00Z"}""", host);

        Assert.Equal([new DateTimeOffset(2024, 1, 2, 5, 0, 0, TimeSpan.Zero)], host.Timers);
    }

    [Fact]
    public void Execute_TimestampInThePast_DoesNotWait()
    {
        var host = new FakeExecutionHost();

        var result = EngineRun.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2000-01-01T00:00:00Z","End":true}}}""", "{}", host);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Empty(host.Timers);
    }

    [Theory]
    [InlineData("""{"s":-1}""", "The SecondsPath parameter references a negative value: $.s == -1")]
    [InlineData("""{"s":1.5}""", "The SecondsPath parameter cannot be parsed as a long value: $.s == 1.5")]
    [InlineData("""{}""", "The SecondsPath parameter does not reference an input value: $.s")]
    public void Execute_InvalidSecondsPath_FailsWithAwsCause(string input, string cause)
    {
        var result = EngineRun.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""", input);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.Equal("An error occurred while executing the state 'W' (entered at the event id #2). " + cause, result.Error.Cause);
    }

    [Fact]
    public void Execute_TimestampWithoutOffset_FailsAsNotRfc3339()
    {
        var result = EngineRun.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","TimestampPath":"$.at","End":true}}}""", """{"at":"2016-12-05T21:29:29"}""");

        Assert.EndsWith(
            "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.at == 2016-12-05T21:29:29",
            result.Error!.Cause,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_DelayBeyondInt32Seconds_FailsAsTooLong()
    {
        var result = EngineRun.Run("""{"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2200-01-01T00:00:00Z","End":true}}}""");

        Assert.EndsWith("Wait state delay is too long.", result.Error!.Cause, StringComparison.Ordinal);
    }
}
