using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class StartRecordCacheTests
{
    private static string Input(string definition, string input) =>
        DurableJson.Serialize(new StateMachineInput(PayloadVersion.Current, definition, JsonNode.Parse(input)));

    [Fact]
    public void Decode_SameInstanceAndText_ReturnsTheSameRecord()
    {
        StartRecordCache cache = new();
        string text = Input("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", """{"x":1}""");

        StateMachineInput first = cache.Decode("i-1", text);
        StateMachineInput second = cache.Decode("i-1", new string(text.AsSpan())); // equal text, another string object

        Assert.Same(first, second);
        Assert.Equal("""{"x":1}""", first.Input!.ToJsonString());
    }

    [Fact]
    public void Decode_SameInstanceNewText_DecodesAfresh()
    {
        // Continue-as-new keeps the instance id and changes the input: the cache must never answer with the old record.
        StartRecordCache cache = new();
        StateMachineInput first = cache.Decode("i-1", Input("{}", """{"generation":0}"""));
        StateMachineInput next = cache.Decode("i-1", Input("{}", """{"generation":1}"""));

        Assert.NotSame(first, next);
        Assert.Equal("""{"generation":1}""", next.Input!.ToJsonString());
    }

    [Fact]
    public void Decode_Full_EmptiesAndKeepsAnswering()
    {
        StartRecordCache cache = new(capacity: 2);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i, cache.Decode("i-" + i, Input("{}", $$"""{"n":{{i}}}""")).Input!["n"]!.GetValue<int>());
        }

        Assert.InRange(cache.Count, 1, 2);
    }

    [Fact]
    public void Decode_NotARecord_ThrowsAndCachesNothing()
    {
        StartRecordCache cache = new();

        Assert.ThrowsAny<JsonException>(() => cache.Decode("i-1", "null"));
        Assert.Equal(0, cache.Count);
    }
}
