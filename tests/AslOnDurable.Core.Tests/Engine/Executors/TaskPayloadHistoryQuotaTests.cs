using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Tests.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.Executors;

/// <summary>
/// With history on and a sink that takes texts, a Task's parameters and result are written once: the scheduled/succeeded
/// event's text serves as the quota check when it shows the payload within the quota. The outcome must be the same with
/// history off, with a sink of its own (<see cref="ListHistorySink"/>) and with <see cref="CompactHistorySink"/>, and the
/// recorded texts the serializer's.
/// </summary>
public sealed class TaskPayloadHistoryQuotaTests
{
    public static TheoryData<string> Sinks => ["off", "list", "compact"];

    [Theory]
    [MemberData(nameof(Sinks))]
    public void Parameters_OverQuota_FailAlikeWithHistoryOnAndOff(string sink)
    {
        var host = new FakeExecutionHost();

        var result = Run(Wrapping, $$"""{"big":"{{new string('x', 150)}}"}""", host, sink, 160, out var events);

        Assert.Empty(host.Invocations);
        Assert.Equal(
            new AslError(StatesErrorNames.DataLimitExceeded, "The state/task 'lambda' provided parameters with a size exceeding the maximum number of bytes service limit."),
            result.Error);
        Assert.DoesNotContain(events, e => e.Type == "TaskScheduled");
    }

    [Theory]
    [MemberData(nameof(Sinks))]
    public void Result_OverQuota_FailsAlikeWithHistoryOnAndOff(string sink)
    {
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(new string('"', 120))) }; // 242 bytes as text

        var result = Run(Wrapping, "{}", host, sink, 200, out var events);

        Assert.Equal(
            new AslError(StatesErrorNames.DataLimitExceeded, "The state/task 'lambda' returned a result with a size exceeding the maximum number of bytes service limit."),
            result.Error);
        Assert.DoesNotContain(events, e => e.Type == "TaskSucceeded");
        Assert.Equal(sink == "off" ? 0 : 1, events.Count(e => e.Type == "TaskFailed"));
    }

    // The event's text escapes non-ASCII and HTML characters (\u00E9: 6 bytes), AWS counts UTF-8 bytes (2): a payload
    // whose text is over the quota while its size is within it must still pass, measured exactly.
    [Theory]
    [MemberData(nameof(Sinks))]
    public void Payloads_TextOverQuotaButSizeWithin_SucceedAlike(string sink)
    {
        var accented = new string('é', 60) + "<&>"; // 125 bytes of UTF-8 + quotes; its escaped text 380
        var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(JsonValue.Create(accented)) };

        var result = Run(Wrapping.Replace("\"End\"", "\"OutputPath\":\"$.r\",\"End\""), new JsonObject { ["s"] = accented }.ToJsonString(), host, sink, 200, out var events);

        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");
        Assert.Single(host.Invocations);
        if (sink != "off")
        {
            Assert.Equal(Text(host.Invocations[0].Input), events.Single(e => e.Type == "TaskScheduled").Details!["parameters"]!.GetValue<string>());
            Assert.Equal(Text(JsonValue.Create(accented)), events.Single(e => e.Type == "TaskSucceeded").Details!["output"]!.GetValue<string>());
        }
    }

    // Results nesting around the depth limit: the text written for the event nests no deeper than the quota's bound may,
    // so a result too deep for the exact walk fails with the walk's error whether history is on or off.
    [Theory]
    [InlineData(JsonLimits.MaxDepth - 2)]
    [InlineData(JsonLimits.MaxDepth - 1)]
    [InlineData(JsonLimits.MaxDepth)]
    [InlineData(JsonLimits.MaxDepth + 1)]
    public void Result_NestedAroundTheDepthLimit_SameOutcomeWithHistoryOnAndOff(int depth)
    {
        ExecutionResult RunWith(string sink)
        {
            var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(Nested(depth)) };
            return Run(TaskOnly, "{}", host, sink, 10_000, out _);
        }

        var off = RunWith("off");
        var compact = RunWith("compact");

        Assert.Equal(off.Status, compact.Status);
        Assert.Equal(off.Error, compact.Error);
        Assert.Equal(Text(off.Output), Text(compact.Output));
    }

    // The recorded parameters and outputs are the serializer's texts of what the task was given and returned (quotes,
    // HTML characters, non-ASCII, emoji, U+2028, control characters), both sinks alike.
    [Theory]
    [InlineData("list")]
    [InlineData("compact")]
    public void Texts_RandomPayloads_EqualTheSerializers(string sink)
    {
        Random random = new(1108);
        for (var round = 0; round < 60; round++)
        {
            var returned = RandomJson.Value(random);
            var host = new FakeExecutionHost { Tasks = _ => TaskOutcome.Success(returned?.DeepClone()) };
            JsonObject input = new() { ["big"] = RandomJson.Value(random) };

            var result = Run(Wrapping, input.ToJsonString(), host, sink, ExecutionOptions.DefaultMaxPayloadBytes, out var events);

            Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");
            Assert.Equal(Text(host.Invocations.Single().Input), events.Single(e => e.Type == "TaskScheduled").Details!["parameters"]!.GetValue<string>());
            Assert.Equal(Text(returned), events.Single(e => e.Type == "TaskSucceeded").Details!["output"]!.GetValue<string>());
        }
    }

    private const string Wrapping = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
          "Parameters":{"FunctionName":"f","Payload":{"wrapped.$":"$"}},"ResultPath":"$.r","End":true}}}
        """;

    private const string TaskOnly = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"End":true}}}
        """;

    private static ExecutionResult Run(string definition, string input, FakeExecutionHost host, string sink, int maxPayloadBytes, out IReadOnlyList<HistoryEvent> events)
    {
        IHistorySink? history = sink switch { "list" => new ListHistorySink(), "compact" => new CompactHistorySink(), _ => null };
        var result = new Interpreter(EngineRun.Compile(definition))
            .RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse(input, documentOptions: JsonLimits.DocumentOptions), Name = "exec-1", StateMachineName = "machine" },
                host,
                new ExecutionOptions { History = history, MaxPayloadBytes = maxPayloadBytes })
            .AsTask().GetAwaiter().GetResult();
        events = history switch { CompactHistorySink packed => packed.Events, ListHistorySink list => list.Events, _ => [] };
        return result;
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static string Text(JsonNode? node) => node?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";
}
