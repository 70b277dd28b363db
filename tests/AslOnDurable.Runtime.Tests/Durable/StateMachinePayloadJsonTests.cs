using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// The hand-written JSON of the records every durable run stores: the text the source-generated metadata wrote before
/// (histories in flight keep reading), and strict reading.
/// </summary>
public sealed class StateMachinePayloadJsonTests
{
    // Written by the source-generated metadata (main 3a79052) for the records built in Full(): the converters must keep it.
    private const string FullInputText =
        """{"version":1,"definition":"{\"StartAt\":\"S\"}","input":{"a":null},"executionName":"e","stateMachineName":"m","arnPrefix":"arn:aws:states:r:1","roleArn":"arn:role","maxPayloadBytes":1000,"maxStateTransitions":5000000000,"nestingDepth":2,"skipWaits":false,"continuation":{"generation":2,"state":"S\"x","startTime":"2026-01-02T03:04:05.678+01:00","executionName":"e","lastEventId":30,"previousEventId":29,"stateInput":{"k":[1,"é<>"]},"variables":{"v":1},"skippedTicks":12345,"steps":77,"redriveCount":1,"redriveTime":"2026-01-02T04:00:00+00:00","redrive":true,"redriveMapRunArn":"arn:m","redriveMapRunCount":3,"redriveChildren":{"c":{}}},"maxActionsPerGeneration":10,"maxEventsPerGeneration":20,"mapRunChunkSize":30,"mapRunChunksPerGeneration":40,"traceParent":"00-aa","logLevel":"ALL","logExecutionData":true,"mapRunArn":"arn:mr"}""";

    private static StateMachineInput Full() =>
        new(1, """{"StartAt":"S"}""", JsonNode.Parse("""{"a":null}"""))
        {
            ExecutionName = "e", StateMachineName = "m", ArnPrefix = "arn:aws:states:r:1", RoleArn = "arn:role", MaxPayloadBytes = 1000,
            MaxStateTransitions = 5_000_000_000, NestingDepth = 2, SkipWaits = false, MaxActionsPerGeneration = 10, MaxEventsPerGeneration = 20,
            MapRunChunkSize = 30, MapRunChunksPerGeneration = 40, TraceParent = "00-aa", LogLevel = "ALL", LogExecutionData = true, MapRunArn = "arn:mr",
            Continuation = new(2, "S\"x", new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(1)), "e", 30, 29)
            {
                StateInput = JsonNode.Parse("""{"k":[1,"é<>"]}"""), Variables = JsonNode.Parse("""{"v":1}""")!.AsObject(), SkippedTicks = 12345,
                Steps = 77, RedriveCount = 1, RedriveTime = new DateTimeOffset(2026, 1, 2, 4, 0, 0, TimeSpan.Zero), Redrive = true,
                RedriveMapRunArn = "arn:m", RedriveMapRunCount = 3, RedriveChildren = JsonNode.Parse("""{"c":{}}""")!.AsObject(),
            },
        };

    [Fact]
    public void Serialize_EveryMemberSet_TheTextTheGeneratedMetadataWrote() =>
        Assert.Equal(FullInputText, DurableJson.Serialize(Full()));

    [Fact]
    public void Serialize_OptionalMembersNull_LeftOut()
    {
        Assert.Equal("""{"version":1,"definition":"d"}""", DurableJson.Serialize(new StateMachineInput(1, "d", null)));
        Assert.Equal("""{"version":1,"status":"SUCCEEDED"}""", DurableJson.Serialize(new StateMachineOutput(1, "SUCCEEDED")));
        Assert.Equal(
            """{"version":1,"status":"FAILED","output":[1],"error":"E","cause":"C"}""",
            DurableJson.Serialize(new StateMachineOutput(1, "FAILED") { Output = JsonNode.Parse("[1]"), Error = "E", Cause = "C" }));
    }

    [Fact]
    public void Deserialize_TextOfEveryMember_WritesBackTheSameText()
    {
        StateMachineInput read = DurableJson.Deserialize<StateMachineInput>(FullInputText);

        Assert.Equal(FullInputText, DurableJson.Serialize(read));
        Assert.Equal(5_000_000_000, read.MaxStateTransitions);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(1)), read.Continuation!.StartTime);
        Assert.Equal(TimeSpan.FromHours(1), read.Continuation.StartTime.Offset);
        Assert.False(read.SkipWaits);
    }

    [Fact]
    public void Deserialize_UnknownMembersOfAnyShape_Skipped()
    {
        StateMachineOutput read = DurableJson.Deserialize<StateMachineOutput>(
            """{"later":{"x":[1,{"y":2}]},"version":1,"more":[[]],"status":"FAILED","flag":true,"error":"E","n":null}""");

        Assert.Equal(new StateMachineOutput(1, "FAILED") { Error = "E" }, read);
    }

    [Fact]
    public void Deserialize_ExplicitNulls_ReadAsAbsent()
    {
        StateMachineInput read = DurableJson.Deserialize<StateMachineInput>(
            """{"version":1,"definition":"d","input":null,"continuation":null,"maxPayloadBytes":null,"skipWaits":null}""");

        Assert.Equal(new StateMachineInput(1, "d", null), read);
    }

    [Theory]
    [InlineData("""{"definition":"d"}""", "'version'")]
    [InlineData("""{"version":1}""", "'definition'")]
    [InlineData("""{"version":1,"definition":null}""", "'definition'")]
    [InlineData("""{"Version":1,"definition":"d"}""", "'version'")] // names match case-sensitively
    [InlineData("""{"version":1,"definition":"d","continuation":{"generation":1,"state":"S","executionName":"e","lastEventId":1,"previousEventId":0}}""", "'startTime'")]
    public void Deserialize_RequiredMemberMissing_JsonExceptionNamingIt(string json, string member)
    {
        JsonException error = Assert.Throws<JsonException>(() => DurableJson.Deserialize<StateMachineInput>(json));

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"version":"1","definition":"d"}""")]
    [InlineData("""{"version":1.5,"definition":"d"}""")]
    [InlineData("""{"version":1,"definition":"d","maxPayloadBytes":3000000000}""")]
    [InlineData("""{"version":1,"definition":7}""")]
    [InlineData("""{"version":1,"definition":"d","skipWaits":"yes"}""")]
    [InlineData("""{"version":1,"definition":"d","continuation":{"generation":1,"state":"S","startTime":"yesterday","executionName":"e","lastEventId":1,"previousEventId":0}}""")]
    [InlineData("""{"version":1,"definition":"d","continuation":{"generation":1,"state":"S","startTime":"2026-01-02T03:04:05Z","executionName":"e","lastEventId":1,"previousEventId":0,"variables":[1]}}""")]
    [InlineData("""[1]""")]
    [InlineData("""{"version":1,"definition":"d",""")]
    public void Deserialize_WrongShape_JsonException(string json) =>
        Assert.ThrowsAny<JsonException>(() => DurableJson.Deserialize<StateMachineInput>(json));

    [Fact]
    public void Records_EveryPropertyHasAMember()
    {
        // A property added to a record needs its member in the record's converter (and in Full() above): this count is the reminder.
        Assert.Equal(20, typeof(StateMachineInput).GetProperties().Length);
        Assert.Equal(16, typeof(StateMachineContinuation).GetProperties().Length);
        Assert.Equal(5, typeof(StateMachineOutput).GetProperties().Length);
    }
}
