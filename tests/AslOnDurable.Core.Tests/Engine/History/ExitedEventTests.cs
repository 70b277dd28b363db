using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Json;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine.History;

/// <summary>
/// State exited events: stamped with the time of the frame's last event (no second clock read; a Wait state reads the
/// clock again), and a Choice state that passes its input on as it is records the entered text again (not written twice).
/// </summary>
public sealed class ExitedEventTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)] // the compact sink takes direct records
    public async Task Run_ClockAdvancingOnEveryRead_ExitedStampedAsTheStatesLastEvent_WaitReadsAgain_StampsInOrder(bool compact)
    {
        const string definition = """
            {"StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":{"n":1},"ResultPath":"$.p","Next":"Call"},
              "Call":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","ResultPath":"$.r",
                "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":3,"MaxAttempts":1}],"Next":"Fallible"},
              "Fallible":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"g"},
                "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Pause"}],"Next":"Pause"},
              "Pause":{"Type":"Wait","Seconds":5,"Next":"Decide"},
              "Decide":{"Type":"Choice","Choices":[{"Variable":"$.p.n","NumericEquals":1,"Next":"Done"}],"Default":"Done"},
              "Done":{"Type":"Succeed"}}}
            """;
        FakeExecutionHost host = new(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        host.Clock.AutoAdvanceAmount = TimeSpan.FromSeconds(1); // every read of the clock gives a later time
        var calls = 0;
        host.Tasks = invocation => ++calls switch
        {
            1 => TaskOutcome.Failure(new Core.Errors.AslError("Boom", "first")), // retried after 3 s
            2 => TaskOutcome.Success(new JsonObject { ["ok"] = true }),
            _ => TaskOutcome.Failure(new Core.Errors.AslError("Other", "caught")),
        };
        IHistorySink history = compact ? new CompactHistorySink() : new ListHistorySink();

        ExecutionResult result = await new Interpreter(EngineRun.Compile(definition)).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}"), Name = "exec-1", StateMachineName = "machine" }, host, new ExecutionOptions { History = history });
        IReadOnlyList<HistoryEvent> events = history is CompactHistorySink packed ? packed.Events : ((ListHistorySink)history).Events;

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        for (var i = 1; i < events.Count; i++)
        {
            Assert.True(events[i].Timestamp >= events[i - 1].Timestamp, $"{events[i].Type} stamped before {events[i - 1].Type}");
        }

        DateTimeOffset Stamp(string type, string? state = null) => events.Last(e => e.Type == type && (state is null || e.State?.Name == state)).Timestamp;
        Assert.Equal(Stamp("PassStateEntered", "Prepare"), Stamp("PassStateExited", "Prepare"));
        Assert.Equal(Stamp("LambdaFunctionSucceeded"), Stamp("TaskStateExited", "Call"));
        Assert.True(Stamp("LambdaFunctionScheduled") >= events.First(e => e.Type == "LambdaFunctionFailed").Timestamp + TimeSpan.FromSeconds(3)); // the retry waited
        Assert.Equal(Stamp("TaskFailed"), Stamp("TaskStateExited", "Fallible")); // caught: exits when it failed
        Assert.True(Stamp("WaitStateExited") >= Stamp("WaitStateEntered") + TimeSpan.FromSeconds(5)); // waited: read again
        Assert.Equal(Stamp("ChoiceStateEntered"), Stamp("ChoiceStateExited"));
        Assert.Equal(Stamp("SucceedStateEntered"), Stamp("SucceedStateExited"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Choice_RandomInputs_ExitedPayloadIsTheTextOfItsOutput_PassedOnOrSelected(bool compact)
    {
        // Each Choice's output becomes the next state's input and, at the end, the execution's output: the exited
        // payloads must be the serializer's text of those nodes whether the Choice passed its input on (the entered text
        // reused) or selected part of it (InputPath/OutputPath: written anew); JSONPath and JSONata Choices, with Assign.
        const string definition = """
            {"StartAt":"Plain","States":{
              "Plain":{"Type":"Choice","Choices":[{"Variable":"$.k","NumericGreaterThan":-1,"Next":"Assigning"}],"Default":"Assigning"},
              "Assigning":{"Type":"Choice","Choices":[{"Variable":"$.k","NumericLessThan":-1,"Next":"Selecting"}],"Default":"Selecting","Assign":{"seen.$":"$.k"}},
              "Selecting":{"Type":"Choice","InputPath":"$.v","OutputPath":"$.inner","Choices":[{"Variable":"$.inner","IsPresent":true,"Next":"Wrap"}],"Default":"Wrap"},
              "Wrap":{"Type":"Pass","Parameters":{"w.$":"$","k":1},"Next":"Jsonata"},
              "Jsonata":{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":"{% $states.input.k = 1 %}","Next":"JsonataOutput"}],"Default":"JsonataOutput"},
              "JsonataOutput":{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":"{% true %}","Output":"{% $states.input.w %}","Next":"Done"}],"Default":"Done"},
              "Done":{"Type":"Succeed"}}}
            """;
        Random random = new(1107);
        for (var round = 0; round < 60; round++)
        {
            JsonObject input = new() { ["k"] = random.Next(-5, 5), ["v"] = new JsonObject { ["inner"] = RandomJson.Value(random) ?? "none", ["other"] = RandomJson.Value(random) }, ["x"] = RandomJson.Value(random) };
            IHistorySink history = compact ? new CompactHistorySink() : new ListHistorySink();

            ExecutionResult result = await new Interpreter(ExecutionPlan.Compile(DefinitionParser.Parse(definition).Definition!, new JsonataLibraryEvaluator())).RunAsync(
                new ExecutionRequest { Input = JsonNode.Parse(input.ToJsonString()), Name = "exec-1", StateMachineName = "machine" }, new FakeExecutionHost(), new ExecutionOptions { History = history });
            IReadOnlyList<HistoryEvent> events = history is CompactHistorySink packed ? packed.Events : ((ListHistorySink)history).Events;

            Assert.True(result.Status == ExecutionStatus.Succeeded, $"{result.Error?.Error}: {result.Error?.Cause} for {input.ToJsonString()}");
            string Exited(string state) => events.Single(e => e.Type == "ChoiceStateExited" && e.State?.Name == state).State!.Payload;
            var inner = input["v"]!["inner"];
            Assert.Equal(Text(input), Exited("Plain"));
            Assert.Equal(Text(input), Exited("Assigning"));
            Assert.Equal(Text(inner), Exited("Selecting"));
            Assert.Equal(Text(new JsonObject { ["w"] = inner?.DeepClone(), ["k"] = 1 }), Exited("Jsonata"));
            Assert.Equal(Text(inner), Exited("JsonataOutput"));
            Assert.Equal(Text(result.Output), Exited("JsonataOutput"));
        }
    }

    private static string Text(JsonNode? node) => node?.ToJsonString(JsonLimits.SerializerOptions) ?? "null";
}
