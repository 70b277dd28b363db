using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// <see cref="CompactHistorySink"/> (what the API host keeps history in) gives back the events it was handed: same ids,
/// types, timestamps and details as JSON text, for the engine's compact state events and for every other event.
/// </summary>
public sealed class CompactHistorySinkTests
{
    private const string Definition = """
        {"StartAt":"Init","States":{
          "Init":{"Type":"Pass","Result":{"n":1,"text":"caf\u00e9 \"quoted\" <b>&amp;</b> \ud83d\ude00"},"Assign":{"label":"first","count":1.5,"list":[1,true,null]},"ResultPath":"$.init","Next":"Fan"},
          "Fan":{"Type":"Parallel","ResultPath":"$.par","Next":"Loop","Branches":[
            {"StartAt":"Inner","States":{"Inner":{"Type":"Pass","Assign":{"inner":true},"Result":"x","End":true}}},
            {"StartAt":"Other","States":{"Other":{"Type":"Pass","End":true}}}]},
          "Loop":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.mapped","Next":"Work","ItemProcessor":{"StartAt":"Item","States":{"Item":{"Type":"Pass","End":true}}}},
          "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"n.$":"$.init.n"},"ResultPath":"$.work",
            "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":2}],"Next":"Choose"},
          "Choose":{"Type":"Choice","Choices":[{"Variable":"$.init.n","NumericEquals":1,"Next":"Done"}],"Default":"Done"},
          "Done":{"Type":"Succeed"}}}
        """;

    [Fact]
    public async Task EngineHistory_ReadBack_EqualsWhatTheEngineRecorded()
    {
        ListHistorySink list = new();
        CompactHistorySink compact = new();
        FakeExecutionHost host = new();
        host.FailThenSucceed(1, "Boom", JsonNode.Parse("""{"ok":"d\u00e9j\u00e0"}"""));

        ExecutionResult result = await new Interpreter(EngineRun.Compile(Definition)).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("""{"items":[{"a":1},{"b":[2.50,1e3]}]}"""), Name = "exec-1" },
            host,
            new ExecutionOptions { History = CompositeHistorySink.Of(list, compact) });
        Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");

        IReadOnlyList<HistoryEvent> expected = list.Events;
        IReadOnlyList<HistoryEvent> actual = compact.Events;
        Assert.Equal(expected.Count, actual.Count);
        Assert.Equal(expected.Count, compact.Count);
        Assert.Contains(expected, e => e.State is { AssignedVariables.Count: 3 });
        Assert.Contains(expected, e => e.Type == HistoryEventTypes.MapIterationStarted);
        Assert.Contains(expected, e => e.Type == HistoryEventTypes.TaskFailed);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].PreviousEventId, actual[i].PreviousEventId);
            Assert.Equal(expected[i].Type, actual[i].Type);
            Assert.Equal(expected[i].Timestamp, actual[i].Timestamp);
            Assert.Equal(expected[i].Timestamp.Offset, actual[i].Timestamp.Offset);
            Assert.Equal(expected[i].Details?.ToJsonString(), actual[i].Details?.ToJsonString());
        }
    }

    [Fact]
    public async Task EngineHistory_RecordedStraightIntoTheSink_EqualsTheEventsTheEngineBuilds()
    {
        // Alone, the compact sink takes events without event objects, the payloads in each frame's reused buffer; a list
        // sink gets the events as the engine builds them. Same run, same fake clock: the same history.
        async Task<IReadOnlyList<HistoryEvent>> RunAsync(IHistorySink sink)
        {
            FakeExecutionHost host = new();
            host.FailThenSucceed(1, "Boom", JsonNode.Parse("""{"ok":"d\u00e9j\u00e0"}"""));
            ExecutionResult result = await new Interpreter(EngineRun.Compile(Definition)).RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse("""{"items":[{"a":1},{"b":[2.50,1e3]},{"a":1}]}"""), Name = "exec-1" },
                host,
                new ExecutionOptions { History = sink });
            Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause}");
            return sink is CompactHistorySink compact ? compact.Events : ((ListHistorySink)sink).Events;
        }

        IReadOnlyList<HistoryEvent> expected = await RunAsync(new ListHistorySink());
        IReadOnlyList<HistoryEvent> actual = await RunAsync(new CompactHistorySink());

        Assert.Equal(expected.Count, actual.Count);
        Assert.Contains(expected, e => e.State is { AssignedVariables.Count: 3 });
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Id, actual[i].Id);
            Assert.Equal(expected[i].PreviousEventId, actual[i].PreviousEventId);
            Assert.Equal(expected[i].Type, actual[i].Type);
            Assert.Equal(expected[i].Timestamp, actual[i].Timestamp);
            Assert.Equal(expected[i].State?.Payload, actual[i].State?.Payload);
            Assert.Equal(expected[i].Details?.ToJsonString(), actual[i].Details?.ToJsonString());
        }
    }

    [Fact]
    public void DirectRecords_OneBufferOverwritten_EachPayloadReadBackAsItWas()
    {
        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        byte[] buffer = new byte[64];
        string[] texts = ["{\"n\":1}", "{\"n\":2}", "{\"n\":2}", "{\"n\":1}", "[]", "{\"n\":1}", "{\"n\":1,\"more\":\"caf\u00e9\"}"];
        for (var i = 0; i < texts.Length; i++)
        {
            var length = Encoding.UTF8.GetBytes(texts[i], buffer);
            var name = new string('S', 1 + (i % 2)); // a new string instance each time: names found by text too
            direct.RecordState(2 * i + 1, 2 * i, "PassStateEntered", DateTimeOffset.UnixEpoch.AddSeconds(i), name, buffer.AsSpan(0, length), exited: i % 3 == 0, i == 2 ? new AssignedVariableTexts(["v"], [3], "\"x\""u8) : default);
            Array.Fill(buffer, (byte)'#'); // the recorder reuses its buffer: the sink must have copied what it keeps
            direct.Record(2 * i + 2, 2 * i + 1, i % 2 == 0 ? "TaskScheduled" : "MapStateStarted", DateTimeOffset.UnixEpoch, i % 2 == 0 ? new JsonObject { ["i"] = i } : null);
        }

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(2 * texts.Length, events.Count);
        for (var i = 0; i < texts.Length; i++)
        {
            HistoryEvent state = events[2 * i], other = events[2 * i + 1];
            Assert.Equal((2L * i + 1, 2L * i), (state.Id, state.PreviousEventId));
            Assert.Equal(texts[i], state.State!.Payload);
            Assert.Equal(new string('S', 1 + (i % 2)), state.State.Name);
            Assert.Equal(i % 3 == 0, state.State.Exited);
            Assert.Equal(i == 2 ? 1 : 0, state.State.AssignedVariables?.Count ?? 0);
            Assert.Equal(DateTimeOffset.UnixEpoch.AddSeconds(i), state.Timestamp);
            Assert.Equal(i % 2 == 0 ? "TaskScheduled" : "MapStateStarted", other.Type);
            Assert.Equal(i % 2 == 0 ? $"{{\"i\":{i}}}" : null, other.Details?.ToJsonString());
        }
    }

    [Fact]
    public void Entries_IdsTimesAndNamesThatDoNotFitADifference_ReadBackExact()
    {
        // Entries keep ids and times as differences from the entry before and name ids in 16 bits; these do not fit.
        CompactHistorySink sink = new();
        DateTimeOffset start = new(2024, 5, 6, 7, 8, 9, TimeSpan.Zero);
        List<(long Id, long Previous, DateTimeOffset At, string Name)> expected =
        [
            (1, 0, start, "First"),
            (2, 1, start.AddTicks(1), "First"),
            (3_000_000_000, 2, start.AddTicks(2), "FarId"), // id difference past 32 bits
            (3_000_000_001, 0, start.AddTicks(3), "FarPrevious"), // previous id 0: difference past 32 bits
            (3_000_000_002, 3_000_000_001, start.AddDays(400), "LongWait"), // time difference past 32 bits of ticks
            (3_000_000_003, 3_000_000_002, start.AddDays(400).ToOffset(TimeSpan.FromHours(-5)), "OtherZone"),
            (3_000_000_004, 3_000_000_003, start.AddDays(400).AddTicks(-7).ToOffset(TimeSpan.FromHours(-5)), "Back"),
            (20, 3_000_000_004, start, "IdBackwards"),
        ];
        for (var i = 0; i < 70_000; i++)
        {
            expected.Add((21 + i, 20 + i, start.AddMilliseconds(i), "Name" + (i % 68_000))); // more names than 16 bits count
        }

        IDirectHistorySink direct = sink;
        for (var i = 0; i < expected.Count; i++)
        {
            var (id, previous, at, name) = expected[i];
            if (i % 3 == 0)
            {
                direct.Record(id, previous, name, at, i % 2 == 0 ? new JsonObject { ["i"] = i } : null); // the name as the type
            }
            else
            {
                direct.RecordState(id, previous, "PassStateEntered", at, name, Encoding.UTF8.GetBytes($"{{\"i\":{i / 5}}}"), exited: false, default);
            }
        }

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(expected.Count, events.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var (id, previous, at, name) = expected[i];
            Assert.Equal((id, previous), (events[i].Id, events[i].PreviousEventId));
            Assert.Equal(at, events[i].Timestamp);
            Assert.Equal(at.Offset, events[i].Timestamp.Offset);
            Assert.Equal(name, i % 3 == 0 ? events[i].Type : events[i].State!.Name);
            Assert.Equal(i % 3 == 0 ? (i % 2 == 0 ? $"{{\"i\":{i}}}" : null) : $"{{\"i\":{i / 5}}}", i % 3 == 0 ? events[i].Details?.ToJsonString() : events[i].State!.Payload);
        }
    }

    [Fact]
    public void StateEvents_DetailsAsAwsNamesThem_AndPayloadSharedByNeighbours()
    {
        CompactHistorySink sink = new();
        DateTimeOffset at = new(2024, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2));
        ReadOnlyMemory<byte> payload = Encoding.UTF8.GetBytes("{\"a\":\"é\"}");
        sink.Record(new HistoryEvent(2, 1, "PassStateExited", at, null)
        {
            State = new StateEventDetails("A", payload, Exited: true, [new("x", "1"), new("y", "\"t\"")]),
        });
        sink.Record(new HistoryEvent(3, 2, "TaskStateEntered", at, null) { State = new StateEventDetails("B", payload, Exited: false) });
        sink.Record(new HistoryEvent(4, 3, "TaskScheduled", at, new JsonObject { ["resource"] = "r", ["timeoutInSeconds"] = 30, ["ok"] = false }));
        sink.Record(new HistoryEvent(5, 4, "MapStateSucceeded", at, null));

        IReadOnlyList<HistoryEvent> events = sink.Events;

        Assert.Equal(
            """{"name":"A","output":"{\u0022a\u0022:\u0022\u00E9\u0022}","assignedVariables":{"x":"1","y":"\u0022t\u0022"},"assignedVariablesDetails":{"truncated":false}}""",
            events[0].Details!.ToJsonString());
        Assert.Equal("""{"name":"B","input":"{\u0022a\u0022:\u0022\u00E9\u0022}"}""", events[1].Details!.ToJsonString());
        Assert.Equal("""{"a":"é"}""", events[1].State!.Payload);
        Assert.Equal(30, events[2].Details!["timeoutInSeconds"]!.GetValue<int>());
        Assert.Equal("""{"resource":"r","timeoutInSeconds":30,"ok":false}""", events[2].Details!.ToJsonString());
        Assert.Null(events[3].Details);
        Assert.Equal(at, events[3].Timestamp);
        Assert.Equal(TimeSpan.FromHours(2), events[3].Timestamp.Offset);
    }

    [Fact]
    public void ManyAndLargeEvents_Bound_AndConcurrentBranches()
    {
        CompactHistorySink sink = new(maxEvents: 10_000);
        string large = "\"" + new string('x', 200_000) + "\"";
        Parallel.For(0, 4, branch =>
        {
            for (var i = 0; i < 3_000; i++)
            {
                var text = i == 7 ? large : $"{{\"branch\":{branch},\"i\":{i}}}";
                sink.Record(new HistoryEvent(branch * 10_000 + i, 0, "PassStateEntered", DateTimeOffset.UnixEpoch, null)
                {
                    State = new StateEventDetails("S" + branch, Encoding.UTF8.GetBytes(text), Exited: false),
                });
            }
        });

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(10_000, events.Count);
        Assert.Equal(2_000, sink.Dropped);
        foreach (HistoryEvent e in events)
        {
            long branch = e.Id / 10_000, i = e.Id % 10_000;
            Assert.Equal("S" + branch, e.State!.Name);
            Assert.Equal(i == 7 ? large : $"{{\"branch\":{branch},\"i\":{i}}}", e.State.Payload);
        }
    }

    [Fact]
    public void PayloadsAndDetails_StoredAsDifferences_ReadBackIdentical()
    {
        // Edge cases of the shared prefix/suffix (growing, shrinking, overlapping repeats, equal bytes in another array,
        // empty, multi-byte UTF-8), then seeded random edits of a document, with other events in between.
        List<string> texts = ["{\"a\":1}", "{\"a\":1}", "{\"a\":12}", "{\"a\":2}", "aaaa", "aaaaaa", "aa", "aaa", string.Empty, "x", "\"café ü\"", "\"caf ü\"", "\"café ü\"", "null"];
        Random random = new(7);
        char[] document = [.. new string('{', 1) + string.Concat(Enumerable.Range(0, 300).Select(i => $"\"k{i}\":{i},")) + "\"end\":0}"];
        for (var i = 0; i < 500; i++)
        {
            for (var edit = random.Next(1, 4); edit > 0; edit--)
            {
                document[random.Next(document.Length)] = (char)('0' + random.Next(10));
            }

            texts.Add(new string(document, 0, document.Length - random.Next(3)));
        }

        CompactHistorySink sink = new();
        List<ReadOnlyMemory<byte>> recorded = [];
        for (var i = 0; i < texts.Count; i++)
        {
            ReadOnlyMemory<byte> payload = i > 0 && i % 5 == 0 ? recorded[^1] : Encoding.UTF8.GetBytes(texts[i]); // also the same memory again
            recorded.Add(payload);
            sink.Record(new HistoryEvent(2 * i + 1, 0, "PassStateEntered", DateTimeOffset.UnixEpoch, null) { State = new StateEventDetails("S", payload, Exited: i % 2 == 1) });
            sink.Record(new HistoryEvent(2 * i + 2, 0, "TaskScheduled", DateTimeOffset.UnixEpoch, new JsonObject { ["i"] = i, ["text"] = "<b>\"" + texts[i] + "\u2028\u0001é😀" }));
        }

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(2 * texts.Count, events.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(recorded[i].ToArray(), events[2 * i].State!.PayloadUtf8.ToArray());
            Assert.Equal($$"""{"i":{{i}},"text":{{JsonValue.Create("<b>\"" + texts[i] + "\u2028\u0001é😀").ToJsonString()}}}""", events[2 * i + 1].Details!.ToJsonString());
        }
    }

    [Fact]
    public void DirectRecords_VariablesAsUtf8Texts_ReadBackAsTheRecordedTexts()
    {
        // Texts as the recorder writes them (compact JSON, escapes included), and what needs care when kept unescaped:
        // quotes and backslashes, multi-byte UTF-8, escapes of their own, scalars, empty containers, deep nesting.
        var deep = new string('[', AslOnDurable.Core.Json.JsonLimits.MaxDepth) + "1" + new string(']', AslOnDurable.Core.Json.JsonLimits.MaxDepth);
        string[][] assignments =
        [
            ["data", """{"user":{"name":"Ada \"L\"","e":"a\\b \u2028 <&>"},"items":[{"p":100},{"p":-0.5,"q":1E+21}]}""", "counter", "0"],
            ["counter", "1"],
            ["s", "\"caf\\u00E9 é 中 😀 \\\"\"", "n", "null", "t", "true", "e", "[]", "o", "{}", "q\"name é", "\"\\\"\""],
            ["deep", deep],
            ["data", """{"user":{"name":"Ada \"L\"","e":"a\\b \u2028 <&>"},"items":[{"p":100},{"p":-0.5,"q":1E+21}],"meta":{"last":"J02"}}"""],
        ];

        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        var id = 0L;
        foreach (var assignment in assignments)
        {
            string[] names = [.. assignment.Where((_, i) => i % 2 == 0)];
            byte[][] texts = [.. assignment.Where((_, i) => i % 2 == 1).Select(Encoding.UTF8.GetBytes)];
            int[] ends = [.. texts.Select((_, i) => texts.Take(i + 1).Sum(t => t.Length))];
            byte[] buffer = [.. texts.SelectMany(t => t)];
            direct.RecordState(++id, id - 1, "PassStateExited", DateTimeOffset.UnixEpoch, "S", "{}"u8, exited: true, new AssignedVariableTexts(names, ends, buffer));
            Array.Fill(buffer, (byte)'#'); // the recorder reuses its buffer: the sink must have copied what it keeps

            // Between them: the same variables as strings (a sink's other path), and an event with other details.
            sink.Record(new HistoryEvent(++id, id - 1, "PassStateExited", DateTimeOffset.UnixEpoch, null) { State = new StateEventDetails("S", "{}"u8.ToArray(), Exited: true, [.. names.Select((n, i) => new KeyValuePair<string, string>(n, assignment[2 * i + 1]))]) });
            sink.Record(new HistoryEvent(++id, id - 1, "TaskScheduled", DateTimeOffset.UnixEpoch, new JsonObject { ["parameters"] = assignment[^1] }));
        }

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(3 * assignments.Length, events.Count);
        for (var a = 0; a < assignments.Length; a++)
        {
            KeyValuePair<string, string>[] expected = [.. Enumerable.Range(0, assignments[a].Length / 2).Select(i => new KeyValuePair<string, string>(assignments[a][2 * i], assignments[a][2 * i + 1]))];
            Assert.Equal(expected, events[3 * a].State!.AssignedVariables);
            Assert.Equal(expected, events[3 * a + 1].State!.AssignedVariables);
            Assert.Equal(events[3 * a + 1].State!.ToJson().ToJsonString(), events[3 * a].State!.ToJson().ToJsonString()); // as GetExecutionHistory serves them
            Assert.Equal(assignments[a][^1], events[3 * a + 2].Details!["parameters"]!.GetValue<string>());
        }
    }

    [Fact]
    public void AssignedVariableTexts_NamesAndTexts_SplitWhereEachEnds()
    {
        var texts = new AssignedVariableTexts(["a", "b", "c"], [1, 1, 4], "1\"x\""u8);

        Assert.Equal(3, texts.Count);
        Assert.Equal([new("a", "1"), new("b", string.Empty), new("c", "\"x\"")], texts.ToStrings()!);
        Assert.Null(default(AssignedVariableTexts).ToStrings());
        Assert.Throws<ArgumentException>(() => new AssignedVariableTexts(["a"], [], "1"u8));
    }

    [Fact]
    public void PayloadEvents_StoredBesideStatePayloads_ReadBackAsTheirDetails()
    {
        // Task scheduled/succeeded and execution succeeded payloads share the state payloads' difference chain (equal to
        // the state's input, different, null, awkward text); their details read back as {resource?, member: text}.
        List<string> texts = ["{\"n\":1}", "{\"n\":1}", "{\"n\":2,\"q\":\"\\\"<b>&caf\u00e9\u2028\ud83d\ude00\"}", "null", "[]", "\"s\"", string.Empty];
        Random random = new(11);
        char[] document = [.. "{" + string.Concat(Enumerable.Range(0, 200).Select(i => $"\"k{i}\":\"v{i}\",")) + "\"end\":0}"];
        for (var i = 0; i < 300; i++)
        {
            document[random.Next(1, document.Length - 1)] = (char)('0' + random.Next(10));
            texts.Add(new string(document));
        }

        CompactHistorySink sink = new(maxEvents: 3 * texts.Count - 1);
        IDirectHistorySink direct = sink;
        byte[] buffer = new byte[8192];
        var id = 0L;
        for (var i = 0; i < texts.Count; i++)
        {
            var length = Encoding.UTF8.GetBytes(texts[i], buffer);
            direct.RecordState(++id, id - 1, "TaskStateEntered", DateTimeOffset.UnixEpoch, "T", buffer.AsSpan(0, length), exited: false, default);
            var other = Encoding.UTF8.GetBytes(texts[(i * 7) % texts.Count]);
            direct.RecordPayload(++id, id - 1, "TaskScheduled", DateTimeOffset.UnixEpoch, i % 3 == 0 ? null : "arn:aws:states:::lambda:invoke", i % 2 == 0 ? "parameters" : "output", i % 4 == 0 ? buffer.AsSpan(0, length) : other);
            Array.Fill(buffer, (byte)'#');
            direct.RecordFailure(++id, id - 1, "TaskFailed", DateTimeOffset.UnixEpoch, "E" + i, i % 2 == 0 ? null : texts[i]);
        }

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(3 * texts.Count - 1, events.Count);
        Assert.Equal(1, sink.Dropped);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], events[3 * i].State!.Payload);
            JsonObject expected = i % 3 == 0 ? [] : new JsonObject { ["resource"] = "arn:aws:states:::lambda:invoke" };
            expected[i % 2 == 0 ? "parameters" : "output"] = i % 4 == 0 ? texts[i] : texts[(i * 7) % texts.Count];
            Assert.Equal(expected.ToJsonString(), events[3 * i + 1].Details!.ToJsonString());
            if (3 * i + 2 < events.Count)
            {
                Assert.Equal(new JsonObject { ["error"] = "E" + i, ["cause"] = i % 2 == 0 ? null : texts[i] }.ToJsonString(), events[3 * i + 2].Details!.ToJsonString());
            }
        }
    }

    [Fact]
    public void StoredTextsOfEveryLength_AcrossGrowingBlocksAndBlocksOfTheirOwn_ReadBackIdentical()
    {
        // Unrelated texts (no shared prefix or suffix, so each is stored whole) from 1 byte to past the own-block size,
        // in a seeded order: they fill the small first blocks, make later ones grow, and some get blocks of their own.
        Random random = new(11);
        List<byte[]> texts = [];
        for (var i = 0; i < 400; i++)
        {
            var length = i % 50 == 49 ? random.Next(16_000, 70_000) : random.Next(1, i < 200 ? 900 : 9_000);
            var text = new byte[length];
            random.NextBytes(text);
            text[0] = (byte)('a' + (i % 26));
            text[^1] = (byte)('A' + (i % 26));
            texts.Add(text);
        }

        AssertStatePayloadsReadBack(texts, exited: false);
    }

    [Fact]
    public void ShortHistory_HoldsAFewKilobytes_NotAWholeBlock()
    {
        // The API host keeps a sink per execution for as long as it keeps the execution: a hello-world's must not hold a
        // 64 KB block.
        var before = GC.GetAllocatedBytesForCurrentThread();
        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        byte[] payload = Encoding.UTF8.GetBytes("""{"hello":"world"}""");
        direct.Record(1, 0, "ExecutionStarted", DateTimeOffset.UnixEpoch, new JsonObject { ["input"] = "{}" });
        direct.RecordState(2, 1, "PassStateEntered", DateTimeOffset.UnixEpoch, "Hello", payload, exited: false, default);
        direct.RecordState(3, 2, "PassStateExited", DateTimeOffset.UnixEpoch, "Hello", payload, exited: true, default);
        direct.Record(4, 3, "ExecutionSucceeded", DateTimeOffset.UnixEpoch, new JsonObject { ["output"] = "{}" });
        var held = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(4, sink.Count);
        Assert.InRange(held, 1, 16 * 1024);
    }

    [Fact]
    public void Payloads_DifferingInOneByteAtEveryOffset_ReadBackIdentical()
    {
        // Each payload against the one before it: every length up to past two vector widths, one byte changed at every
        // offset (so shared prefixes and suffixes end at each position, across the wide and narrow comparisons).
        List<byte[]> texts = [];
        for (var length = 1; length <= 80; length++)
        {
            for (var at = 0; at < length; at++)
            {
                var text = new byte[length];
                Array.Fill(text, (byte)'x');
                text[at] = (byte)'y';
                texts.Add(text);
            }
        }

        AssertStatePayloadsReadBack(texts, exited: true);
    }

    [Fact]
    public void Payloads_WrappingTheOneBefore_StoredAsTheBytesAroundIt()
    {
        // An output that holds its input ({"keep": $states.input, ...}) shares neither a long prefix nor a long suffix with
        // it: stored as the bytes before and after the input's text, not whole. Also the text before at the very start or
        // end, repeated twice, only nearly contained, and shorter than the search is worth.
        var text = "{" + string.Concat(Enumerable.Range(0, 60).Select(i => $"\"m{i}\":\"v{i} é\",")) + "\"end\":0}";
        List<byte[]> texts = [Encoding.UTF8.GetBytes(text)];
        for (var i = 0; i < 200; i++)
        {
            var previous = Encoding.UTF8.GetString(texts[^1]);
            texts.Add(Encoding.UTF8.GetBytes((i % 5) switch
            {
                0 => $$"""{"k{{i}}":{{previous}},"n":{{i}}}""",
                1 => previous + " ",
                2 => "[" + previous,
                3 => $"[{previous},{previous}]"[..(previous.Length + 2)] + "]",
                _ => previous[..^1] + "x" + previous[^1..] + "!",
            }));
        }

        texts.Add("{\"short\":1}"u8.ToArray());
        texts.Add("[{\"short\":1}]"u8.ToArray());

        var held = AssertStatePayloadsReadBack(texts, exited: true);

        // Whole, they would hold their total length (about 200 KB); the first is stored whole.
        Assert.InRange(held, 1, texts.Sum(t => t.Length) / 8);
    }

    [Fact]
    public void Variables_AssignedInTurns_EachStoredAgainstItsOwnLastText()
    {
        // A Task state's counter between the data Pass states merge: each data is stored against the data before it (the
        // variables assigned before the last), not whole against the counter.
        var data = "{\"user\":{\"name\":\"Ada\"},\"items\":[" + string.Join(",", Enumerable.Range(0, 40).Select(i => $"{{\"sku\":\"SKU-{i:000}\",\"price\":{100 + i}}}")) + "],\"meta\":{\"last\":\"J00\"}}";
        List<(string Name, string Text)> assigned = [];
        for (var lap = 0; lap < 100; lap++)
        {
            assigned.Add(("data", data.Replace("J00", $"J{lap:00}", StringComparison.Ordinal)));
            assigned.Add(("data", data.Replace("J00", $"K{lap:00}", StringComparison.Ordinal)));
            assigned.Add(("counter", lap.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        string[][] names = [.. assigned.Select(a => new[] { a.Name })];
        byte[][] texts = [.. assigned.Select(a => Encoding.UTF8.GetBytes(a.Text))];
        int[][] ends = [.. texts.Select(t => new[] { t.Length })];
        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < texts.Length; i++)
        {
            direct.RecordState(i + 1, i, "PassStateExited", DateTimeOffset.UnixEpoch, "S", "{}"u8, exited: true, new AssignedVariableTexts(names[i], ends[i], texts[i]));
        }

        var held = GC.GetAllocatedBytesForCurrentThread() - before;
        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(assigned.Count, events.Count);
        for (var i = 0; i < assigned.Count; i++)
        {
            Assert.Equal(new KeyValuePair<string, string>(assigned[i].Name, assigned[i].Text), Assert.Single(events[i].State!.AssignedVariables!));
        }

        // Whole, the 100 data texts after a counter would hold over 100 KB.
        Assert.True(100 * data.Length > 100_000);
        Assert.InRange(held, 1, 64 * 1024);
    }

    [Fact]
    public void ReleaseWorkingBuffers_BetweenEvents_EveryEventReadBackAsRecorded()
    {
        // A closed execution's sink lets its working buffers go; a redrive then records on: payloads, variables and
        // details the same as or close to those before the release are stored whole and read back unchanged.
        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        byte[] payload = Encoding.UTF8.GetBytes("""{"n":1,"text":"same"}""");
        string[] names = ["v"];
        int[] ends = [3];
        byte[] variable = Encoding.UTF8.GetBytes("[1]");
        var id = 0L;
        void RecordRound()
        {
            direct.RecordState(++id, id - 1, "PassStateEntered", DateTimeOffset.UnixEpoch, "P", payload, exited: false, default);
            direct.RecordState(++id, id - 1, "PassStateExited", DateTimeOffset.UnixEpoch, "P", payload, exited: true, new AssignedVariableTexts(names, ends, variable));
            direct.RecordPayload(++id, id - 1, "TaskSucceeded", DateTimeOffset.UnixEpoch, null, "output", payload);
            direct.Record(++id, id - 1, "ExecutionFailed", DateTimeOffset.UnixEpoch, new JsonObject { ["error"] = "E", ["cause"] = "c" });
        }

        RecordRound();
        sink.ReleaseWorkingBuffers();
        RecordRound();
        sink.ReleaseWorkingBuffers();
        sink.ReleaseWorkingBuffers();
        RecordRound();

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(12, events.Count);
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(payload, events[4 * round].State!.PayloadUtf8.ToArray());
            Assert.Equal(payload, events[(4 * round) + 1].State!.PayloadUtf8.ToArray());
            Assert.Equal("[1]", Assert.Single(events[(4 * round) + 1].State!.AssignedVariables!).Value);
            Assert.Equal(Encoding.UTF8.GetString(payload), events[(4 * round) + 2].Details!["output"]!.GetValue<string>());
            Assert.Equal("""{"error":"E","cause":"c"}""", events[(4 * round) + 3].Details!.ToJsonString());
        }
    }

    /// <summary>
    /// Records each text as a state event's payload, one after another, and reads them all back unchanged; returns the
    /// bytes the sink allocated while recording.
    /// </summary>
    private static long AssertStatePayloadsReadBack(List<byte[]> texts, bool exited)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        CompactHistorySink sink = new();
        IDirectHistorySink direct = sink;
        for (var i = 0; i < texts.Count; i++)
        {
            direct.RecordState(i + 1, i, exited ? "PassStateExited" : "PassStateEntered", DateTimeOffset.UnixEpoch, "S", texts[i], exited, default);
        }

        var held = GC.GetAllocatedBytesForCurrentThread() - before;

        IReadOnlyList<HistoryEvent> events = sink.Events;
        Assert.Equal(texts.Count, events.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], events[i].State!.PayloadUtf8.ToArray());
        }

        return held;
    }
}
