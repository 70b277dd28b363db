using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Core.Errors;
using AslOnDurable.Testing;

namespace AslOnDurable.Core.Tests.Engine;

public sealed class InterpreterTests
{
    [Fact]
    public void RunAsync_PassChain_FollowsNextToEnd()
    {
        var result = EngineRun.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":1,"ResultPath":"$.a","Next":"B"},
              "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","End":true}}}
            """, """{"x":0}""");

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""{"x":0,"a":1,"b":2}""", result.Output);
    }

    [Fact]
    public void RunAsync_HistoryOn_RecordsAwsEventNamesAndIds()
    {
        var history = new ListHistorySink();

        EngineRun.Run("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""", "{}", new FakeExecutionHost(), history);

        Assert.Equal(
            ["ExecutionStarted", "PassStateEntered", "PassStateExited", "ExecutionSucceeded"],
            history.Events.Select(e => e.Type));
        Assert.Equal([1L, 2L, 3L, 4L], history.Events.Select(e => e.Id));
    }

    [Fact]
    public void RunAsync_HistoryPayloads_AreTextSnapshotsUnaffectedByLaterStates()
    {
        var history = new ListHistorySink();

        EngineRun.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Next":"B"},
              "B":{"Type":"Pass","Result":2,"ResultPath":"$.b","End":true}}}
            """, """{"a":1}""", new FakeExecutionHost(), history);

        var exitedA = history.Events.Single(e => e.Type == "PassStateExited" && e.Details!["name"]!.GetValue<string>() == "A");
        Assert.Equal("""{"a":1}""", exitedA.Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public void RunAsync_PathMissing_FailsWithRuntimeErrorNamingStateAndEventId()
    {
        var result = EngineRun.Run("""{"StartAt":"pass","States":{"pass":{"Type":"Pass","InputPath":"$.missing","End":true}}}""");

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.Equal(
            "An error occurred while executing the state 'pass' (entered at the event id #2). Invalid path '$.missing' : No results for path: $['missing']",
            result.Error.Cause);
    }

    [Fact]
    public void RunAsync_ExecutionTimeoutPassedDuringWait_TimesOut()
    {
        var result = EngineRun.Run("""
            {"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":60,"End":true}}}
            """);

        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(StatesErrorNames.Timeout, result.Error!.Error);
    }

    [Fact]
    public void RunAsync_InputOverQuota_FailsWithDataLimitExceeded()
    {
        var result = EngineRun.Run(
            """{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""",
            """{"big":"0123456789012345678901234567890123456789"}""",
            new FakeExecutionHost(),
            maxPayloadBytes: 20);

        Assert.Equal(StatesErrorNames.DataLimitExceeded, result.Error!.Error);
    }

    // A host may say how large the input can be (the durable host: the length of the start record it read); a bound over
    // the quota proves nothing, so the input is measured exactly as before.
    [Theory]
    [InlineData("""{"small":1}""", ExecutionStatus.Succeeded)]
    [InlineData("""{"big":"0123456789012345678901234567890123456789"}""", ExecutionStatus.Failed)]
    public async Task RunAsync_InputSizeBoundOverTheQuota_TheInputIsMeasuredExactly(string input, ExecutionStatus status)
    {
        var plan = EngineRun.Compile("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""");

        var result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse(input), InputSizeBound = 10_000 }, new FakeExecutionHost(), new ExecutionOptions { MaxPayloadBytes = 20 });

        Assert.Equal(status, result.Status);
        Assert.Equal(status == ExecutionStatus.Failed ? StatesErrorNames.DataLimitExceeded : null, result.Error?.Error);
    }

    [Fact]
    public void RunAsync_UnexpectedExceptionInTask_BecomesStatesRuntime()
    {
        var host = new FakeExecutionHost { Tasks = _ => throw new InvalidOperationException("boom") };

        var result = EngineRun.Run("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","End":true}}}""", "{}", host);

        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.EndsWith("boom", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_ContextObject_ReportsExecutionAndState()
    {
        var host = new FakeExecutionHost(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));

        var result = EngineRun.Run("""{"StartAt":"S1","States":{"S1":{"Type":"Pass","InputPath":"$$","End":true}}}""", """{"in":1}""", host);

        var output = result.Output!;
        Assert.Equal("exec-1", output["Execution"]!["Name"]!.GetValue<string>());
        JsonAssert.Equal("""{"in":1}""", output["Execution"]!["Input"]);
        Assert.Equal("2024-05-06T07:08:09.000Z", output["Execution"]!["StartTime"]!.GetValue<string>());
        Assert.Equal("machine", output["StateMachine"]!["Name"]!.GetValue<string>());
        JsonAssert.Equal("""{"Name":"S1","EnteredTime":"2024-05-06T07:08:09.000Z"}""", output["State"]);
    }

    [Fact]
    public void RunAsync_ExecutionInputMutatedByStates_ContextKeepsOriginalInput()
    {
        var result = EngineRun.Run("""
            {"StartAt":"A","States":{
              "A":{"Type":"Pass","Result":"changed","ResultPath":"$.v","Next":"B"},
              "B":{"Type":"Pass","Parameters":{"original.$":"$$.Execution.Input"},"End":true}}}
            """, """{"v":"first"}""");

        JsonAssert.Equal("""{"original":{"v":"first"}}""", result.Output);
    }

    [Fact]
    public async Task RunAsync_SamePlanTwice_RunsIndependently()
    {
        var interpreter = new Interpreter(EngineRun.Compile("""{"StartAt":"A","States":{"A":{"Type":"Pass","Result":{"k":1},"ResultPath":"$.r","End":true}}}"""));

        var first = await interpreter.RunAsync(new ExecutionRequest { Input = JsonNode.Parse("{}") }, new FakeExecutionHost());
        first.Output!["r"]!["k"] = 99;
        var second = await interpreter.RunAsync(new ExecutionRequest { Input = JsonNode.Parse("{}") }, new FakeExecutionHost());

        JsonAssert.Equal("""{"r":{"k":1}}""", second.Output);
    }

    [Fact]
    public async Task RunAsync_EndlessChoiceLoop_FailsAtTheTransitionLimit()
    {
        var plan = EngineRun.Compile(DefinitionFiles.Read("limits", "endless-choice-loop"));

        var result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("""{"x":1}""") }, new FakeExecutionHost(), new ExecutionOptions { MaxStateTransitions = 1000 });

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
        Assert.Equal("The execution exceeded the limit of 1000 state transitions and retries.", result.Error.Cause);
    }

    [Fact]
    public void RunAsync_OutputDeeperThanTheDepthLimit_FailsWithStatesRuntime()
    {
        var input = new string('[', 510) + new string(']', 510); // + 3 Parallel result arrays + 1 object: 514 levels
        var result = EngineRun.Run("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","Branches":[
              {"StartAt":"Q","States":{"Q":{"Type":"Parallel","Branches":[{"StartAt":"R","States":{"R":{"Type":"Parallel","Branches":[{"StartAt":"S","States":{"S":{"Type":"Pass","End":true}}}],"End":true}}}],"End":true}}}],
              "ResultSelector":{"a.$":"$"},"End":true}}}
            """, input);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal(StatesErrorNames.Runtime, result.Error!.Error);
    }

    [Fact]
    public void RunAsync_HumanHistoryBounded_KeepsTheFirstEventsAndCountsTheRest()
    {
        var history = new ListHistorySink(10);

        EngineRun.Run(DefinitionFiles.Read("limits", "endless-choice-loop"), """{"x":2}""", new FakeExecutionHost(), history);
        var bounded = new ListHistorySink(2);
        EngineRun.Run(DefinitionFiles.Read("limits", "endless-choice-loop"), """{"x":2}""", new FakeExecutionHost(), bounded);

        Assert.Equal(6, history.Events.Count);
        Assert.Equal(0, history.Dropped);
        Assert.Equal(history.Events.Take(2).Select(e => e.Id), bounded.Events.Select(e => e.Id));
        Assert.Equal(4, bounded.Dropped);
    }

    [Fact]
    public async Task RunAsync_StopRequestedMidRun_EndsTimedOutAtTheNextState()
    {
        // Arrange: an endless Task loop; the third task call asks the run to stop (asl run --max-run-seconds).
        using var stop = new CancellationTokenSource();
        var host = new FakeExecutionHost();
        host.Tasks = invocation =>
        {
            if (host.Invocations.Count == 3)
            {
                stop.Cancel();
            }

            return TaskOutcome.Success(invocation.Input);
        };
        var plan = EngineRun.Compile("""
            {"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Next":"Again"},
              "Again":{"Type":"Choice","Choices":[{"Variable":"$.never","IsPresent":true,"Next":"Done"}],"Default":"T"},
              "Done":{"Type":"Succeed"}}}
            """);

        // Act
        var result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("{}") }, host, new ExecutionOptions { Stop = stop.Token });

        // Assert
        Assert.Equal(ExecutionStatus.TimedOut, result.Status);
        Assert.Equal(StatesErrorNames.Timeout, result.Error!.Error);
        Assert.Equal(3, host.Invocations.Count);
    }

    [Fact]
    public async Task RunAsync_JsonataAssignedVariable_ReadByJsonataAndJsonPathStatesAlike()
    {
        // A JSONata Assign holds its value for JSONata reads; a JSONPath state reading it gets the same JSON.
        var plan = ExecutionPlan.Compile(
            Core.Parsing.DefinitionParser.Parse("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"data":"{% {'items': [{'n': 1.5}, {'n': 2}], 'name': 'x'} %}"},"Next":"B"},
                  "B":{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"data":"{% $merge([$data, {'total': $sum($data.items.n)}]) %}"},"Next":"C"},
                  "C":{"Type":"Pass","Parameters":{"copy.$":"$data","first.$":"$data.items[0].n"},"Next":"D"},
                  "D":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% {'fromPath': $states.input, 'total': $data.total} %}","End":true}}}
                """).Definition!,
            new Core.Engine.Lifecycle.JsonataLibraryEvaluator());

        var result = await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = new JsonObject() }, new FakeExecutionHost());

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        JsonAssert.Equal("""
            {"fromPath":{"copy":{"items":[{"n":1.5},{"n":2}],"name":"x","total":3.5},"first":1.5},"total":3.5}
            """, result.Output);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_JsonataOutputsHeldAsValues_ReachJsonPathStatesTasksAndTheEndAsTheSameJson(bool history)
    {
        // JSONata Outputs pass from state to state as evaluator values; a JSONPath state (which changes its input in
        // place), a task handler (which may change what it is given) and the end get nodes: every reader sees the same JSON.
        var plan = ExecutionPlan.Compile(
            Core.Parsing.DefinitionParser.Parse("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"list":"{% [1, 2] %}","lit":{"k":[true,null]},"n":"{% $states.input.n %}"},"Next":"B"},
                  "B":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.lit.added","Next":"C"},
                  "C":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $merge([$states.input, {'c': $count($states.input.list)}]) %}","Next":"D"},
                  "D":{"Type":"Pass","QueryLanguage":"JSONata","Assign":{"kept":"{% $states.input %}"},"Next":"T"},
                  "T":{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f","Output":"{% {'in': $states.input, 'out': $states.result, 'kept': $kept} %}","Next":"Q"},
                  "Q":{"Type":"Choice","QueryLanguage":"JSONata","Choices":[{"Condition":"{% $states.input.in.c = 2 %}","Next":"E"}],"Default":"F"},
                  "E":{"Type":"Succeed","QueryLanguage":"JSONata"},
                  "F":{"Type":"Fail","Error":"Wrong"}}}
                """).Definition!,
            new Core.Engine.Lifecycle.JsonataLibraryEvaluator());
        var host = new FakeExecutionHost
        {
            Tasks = invocation =>
            {
                var input = invocation.Input!.AsObject();
                input["changedByHandler"] = true; // the handler's copy: the state's input and the variable keep their JSON
                return TaskOutcome.Success(input.DeepClone());
            },
        };
        var options = history ? new ExecutionOptions { History = new Core.Engine.History.ListHistorySink() } : new ExecutionOptions();

        var result = await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = JsonNode.Parse("""{"n":7}""") }, host, options);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        const string input = """{"list":[1,2],"lit":{"k":[true,null],"added":{"x":1}},"n":7,"c":2}""";
        var changed = """{"list":[1,2],"lit":{"k":[true,null],"added":{"x":1}},"n":7,"c":2,"changedByHandler":true}""";
        JsonAssert.Equal("{\"in\":" + input + ",\"out\":" + changed + ",\"kept\":" + input + "}", result.Output);
    }

    [Fact]
    public async Task RunAsync_JsonataResultWithLoneSurrogate_FailsWithQueryEvaluationErrorThatCatchSees()
    {
        var parsed = Core.Parsing.DefinitionParser.Parse(DefinitionFiles.Read("limits", "jsonata-lone-surrogate"));
        var plan = ExecutionPlan.Compile(parsed.Definition!, new Core.Engine.Lifecycle.JsonataLibraryEvaluator());
        var direct = ExecutionPlan.Compile(
            Core.Parsing.DefinitionParser.Parse("""{"QueryLanguage":"JSONata","StartAt":"P","States":{"P":{"Type":"Pass","Output":"{% {'a': [$split('\uD83D\uDE00', '')[1]]} %}","End":true}}}""").Definition!,
            new Core.Engine.Lifecycle.JsonataLibraryEvaluator());

        var caught = await new Interpreter(plan).RunAsync(new ExecutionRequest { Input = new JsonObject() }, new FakeExecutionHost());
        var failed = await new Interpreter(direct).RunAsync(new ExecutionRequest { Input = new JsonObject() }, new FakeExecutionHost());

        JsonAssert.Equal("""{"caught":"States.QueryEvaluationError","pieces":2}""", caught.Output);
        Assert.Equal(ExecutionStatus.Failed, failed.Status);
        Assert.Equal(StatesErrorNames.QueryEvaluationError, failed.Error!.Error);
        Assert.Contains("lone UTF-16 surrogate at '/a/0'", failed.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CatchLoopsBackIntoAFailureQuotingItsInput_CauseStaysBounded()
    {
        // Regression (fuzzing, issue 14): each round's cause quoted the previous error output with its escapes doubled,
        // so the text grew exponentially (200 MB within 30 rounds) before the transition cap could end the run. The items
        // are the caught error's Cause (a string, not iterable), so every round fails quoting the previous one.
        var plan = EngineRun.Compile("""
            {"StartAt":"M","States":{"M":{"Type":"Map","ItemsPath":"$.Cause","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Pass","End":true}}},
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"M"}],"End":true}}}
            """);

        var result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse("""{"Cause":"quote \" and backslash \\"}""") }, new FakeExecutionHost(), new ExecutionOptions { MaxStateTransitions = 60 });

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Contains("limit of 60 state transitions", result.Error!.Cause, StringComparison.Ordinal);
    }
}
