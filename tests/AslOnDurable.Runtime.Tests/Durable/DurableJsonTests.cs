using System.Text.Json;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class DurableJsonTests
{
    [Fact]
    public void Serialize_PingInput_UsesCamelCaseWireNames() =>
        Assert.Equal("""{"branches":3,"timerMilliseconds":50}""", DurableJson.Serialize(new PingInput(3, 50)));

    [Fact]
    public void Deserialize_Null_ThrowsJsonException() =>
        Assert.Throws<JsonException>(() => DurableJson.Deserialize<PingInput>("null"));

    [Fact]
    public void Deserialize_NodesWithMembersDifferingOnlyInCase_KeepsEachMember()
    {
        StateMachineInput input = DurableJson.Deserialize<StateMachineInput>(
            """{"version":1,"definition":"{}","input":{"a":1,"A":{"b":2,"B":3}},"continuation":{"generation":1,"state":"S","startTime":"2026-01-02T03:04:05+00:00","executionName":"e","lastEventId":3,"previousEventId":2,"variables":{"x":1,"X":2}}}""");

        Assert.Equal("""{"a":1,"A":{"b":2,"B":3}}""", input.Input!.ToJsonString());
        Assert.Equal("""{"x":1,"X":2}""", input.Continuation!.Variables!.ToJsonString());
    }

    [Fact]
    public void Options_AreFrozen() => Assert.True(DurableJson.Options.IsReadOnly);
}
