using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// With the API host's sink alone (<see cref="CompactHistorySink"/>), a state that passes its input on reuses the input's
/// text and a Pass state placing its result at a dotted ResultPath splices the changed object into it
/// (<see cref="PayloadTextSplice"/>); a list sink gets every payload written by System.Text.Json from the node. Random
/// chains of such states over random inputs (escaped names, strings holding brackets and quotes, null and scalar members
/// on the path, missing members) give the same history both ways.
/// </summary>
public sealed class PayloadTextSpliceTests
{
    private static readonly string[] Names = ["a", "b", "c", "n", "s", "x", "\u00e9", "q\"t", "<k>", "arr", "d\\e"];
    private static readonly string[] Strings = ["", "}", "{[\"", "\\\"", "a,b", "caf\u00e9", "\u2028", "\ud83d\ude00", "x]y", "plain"];
    private static readonly string[] ResultPaths =
        ["$.a.b", "$.a.b.c", "$.a.b.c.d", "$.x.y", "$.n.q", "$.s.t", "$.a", "$", "$.\u00e9.z", "$.a.\u00e9", "$.arr.z", "$.c.b.a"];

    [Fact]
    public async Task RandomPassChains_SplicedAndReusedTexts_EqualTheSerializedPayloads()
    {
        var random = new Random(11_07);
        var spliced = 0;
        for (var run = 0; run < 300; run++)
        {
            var definition = Chain(random, out var splices);
            var input = RandomObject(random, 0).ToJsonString();
            var expected = await RunAsync(definition, input, new ListHistorySink());
            var actual = await RunAsync(definition, input, new CompactHistorySink());
            Assert.Equal(expected.Count, actual.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                Assert.True(expected[i].Type == actual[i].Type, $"run {run}, event {i}: {expected[i].Type} / {actual[i].Type}\n{definition}\n{input}");
                Assert.True(expected[i].State?.Payload == actual[i].State?.Payload, $"run {run}, event {i} ({expected[i].State?.Name}):\n{expected[i].State?.Payload}\n{actual[i].State?.Payload}\n{definition}\n{input}");
                Assert.Equal(expected[i].Details?.ToJsonString(), actual[i].Details?.ToJsonString());
            }

            spliced += splices;
        }

        Assert.True(spliced > 500, $"only {spliced} splicing states generated");
    }

    [Fact]
    public async Task ResultPathThroughNullScalarAndMissingMembers_SplicedAsTheNodeIsWritten()
    {
        const string definition = """
            {"StartAt":"S1","States":{
              "S1":{"Type":"Pass","Result":{"v":"}{\"]"},"ResultPath":"$.a.b.c","Next":"S2"},
              "S2":{"Type":"Pass","Result":1,"ResultPath":"$.n.q","Next":"S3"},
              "S3":{"Type":"Pass","Result":[1,{"z":"\\"}],"ResultPath":"$.missing.deep.er","Next":"S4"},
              "S4":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"S5"}],"Default":"S5"},
              "S5":{"Type":"Pass","Parameters":{"k.$":"$.a.b"},"ResultPath":"$.a.b.c","Next":"S6"},
              "S6":{"Type":"Pass","Result":"x","ResultPath":"$.s.t","End":true}}}
            """;
        const string input = """{"a":{"q\"t":"}","b":{"c":0,"e":[1,"]"]},"z":{}},"n":null,"s":3,"é":{"z":1}}""";

        var expected = await RunAsync(definition, input, new ListHistorySink());
        var actual = await RunAsync(definition, input, new CompactHistorySink());

        Assert.Equal(HistoryEventTypes.ExecutionFailed, expected[^1].Type); // S6: "$.s.t" crosses a number
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Type, actual[i].Type);
            Assert.Equal(expected[i].State?.Payload, actual[i].State?.Payload);
            Assert.Equal(expected[i].Details?.ToJsonString(), actual[i].Details?.ToJsonString());
        }
    }

    private static async Task<IReadOnlyList<HistoryEvent>> RunAsync(string definition, string input, IHistorySink sink)
    {
        await new Interpreter(EngineRun.Compile(definition)).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse(input), Name = "exec-1" },
            new FakeExecutionHost(),
            new ExecutionOptions { History = sink });
        return sink is CompactHistorySink compact ? compact.Events : ((ListHistorySink)sink).Events;
    }

    private static string Chain(Random random, out int splices)
    {
        splices = 0;
        var count = random.Next(3, 14);
        var states = new JsonObject();
        for (var i = 0; i < count; i++)
        {
            var state = new JsonObject();
            var next = i == count - 1 ? "Done" : $"S{i + 1}";
            switch (random.Next(8))
            {
                case 0:
                    state["Type"] = "Choice";
                    state["Choices"] = new JsonArray(new JsonObject { ["Variable"] = "$.a", ["IsPresent"] = true, ["Next"] = next });
                    state["Default"] = next;
                    states[$"S{i}"] = state;
                    continue;
                case 1:
                    state["Type"] = "Pass"; // passes its input on
                    break;
                case 2:
                    state["Type"] = "Pass";
                    state["Parameters"] = new JsonObject { ["copy.$"] = "$", ["k"] = RandomValue(random, 2) };
                    break;
                case 3:
                    state["Type"] = "Pass";
                    state["InputPath"] = "$.a";
                    state["ResultPath"] = random.Next(2) == 0 ? "$.a.r" : "$.b.r";
                    splices++;
                    break;
                case 4:
                    state["Type"] = "Pass";
                    state["Result"] = RandomValue(random, 1);
                    state["ResultPath"] = random.Next(3) == 0 ? null : "$";
                    break;
                case 5:
                    state["Type"] = "Pass";
                    state["Parameters"] = new JsonObject { ["at"] = i, ["b.$"] = "$.b" };
                    state["ResultPath"] = ResultPaths[random.Next(ResultPaths.Length)];
                    state["OutputPath"] = random.Next(4) == 0 ? "$.a" : "$";
                    splices++;
                    break;
                default:
                    state["Type"] = "Pass";
                    state["Result"] = RandomValue(random, 2);
                    state["ResultPath"] = ResultPaths[random.Next(ResultPaths.Length)];
                    splices++;
                    break;
            }

            state["Next"] = next;
            states[$"S{i}"] = state;
        }

        states["Done"] = new JsonObject { ["Type"] = "Succeed" };
        return new JsonObject { ["StartAt"] = "S0", ["States"] = states }.ToJsonString();
    }

    private static JsonObject RandomObject(Random random, int depth)
    {
        var obj = new JsonObject();
        foreach (var name in Names)
        {
            if (random.Next(3) != 0)
            {
                obj[name] = name is "a" or "b" or "c" && depth < 3 && random.Next(4) != 0 ? RandomObject(random, depth + 1) : RandomValue(random, depth + 1);
            }
        }

        return obj;
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth < 3 ? 8 : 5) switch
    {
        0 => null,
        1 => random.Next(2) == 0,
        2 => random.Next(-1000, 1000) / (random.Next(2) == 0 ? 1.0 : 8.0),
        3 or 4 => Strings[random.Next(Strings.Length)],
        5 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        _ => RandomObject(random, depth + 1),
    };
}
