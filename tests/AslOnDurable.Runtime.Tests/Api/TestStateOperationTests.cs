using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class TestStateOperationTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Lambda = "arn:aws:states:::lambda:invoke";
    private readonly StepFunctionsSelfHost host = fixture.Host;

    private Task<JsonObject> TestAsync(string definition, string input = "{}", string? level = null, JsonObject? extra = null)
    {
        JsonObject request = new() { ["definition"] = definition, ["input"] = input, ["roleArn"] = ApiTestCalls.Role };
        if (level is not null)
        {
            request["inspectionLevel"] = level;
        }

        foreach (var (key, value) in extra ?? [])
        {
            request[key] = value?.DeepClone();
        }

        return host.OkAsync("TestState", request);
    }

    [Fact]
    public async Task TestState_PassInfo_OutputNextStateNoInspection()
    {
        JsonObject r = await TestAsync("""{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.a, 1)"},"ResultPath":"$.out","Next":"Later"}""", """{"a":1}""");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("Later", (string?)r["nextState"]);
        Assert.Equal("""{"a":1,"out":{"sum":2}}""", (string?)r["output"]);
        Assert.Null(r["inspectionData"]);
        Assert.Null(r["error"]);
    }

    [Fact]
    public async Task TestState_PassDebug_InspectionDataHasInputAndIdentitySteps()
    {
        JsonObject r = await TestAsync("""{"Type":"Pass","Result":{"x":1},"ResultPath":"$.r","End":true}""", """{"a":1}""", "DEBUG");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Null(r["nextState"]);
        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("""{"a":1}""", (string?)data["input"]);
        Assert.Equal("""{"a":1}""", (string?)data["afterInputPath"]);
        Assert.Equal("""{"x":1}""", (string?)data["result"]);
        Assert.Equal("""{"a":1,"r":{"x":1}}""", (string?)data["afterResultPath"]);
    }

    [Theory]
    [InlineData("""{"n":5}""", "Big")]
    [InlineData("""{"n":1}""", "Small")]
    public async Task TestState_Choice_NextStateOfTheMatchingRuleOrDefault(string input, string next)
    {
        JsonObject r = await TestAsync("""{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":3,"Next":"Big"}],"Default":"Small"}""", input);

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal(next, (string?)r["nextState"]);
        Assert.Equal(input, (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_ChoiceNoMatchNoDefault_FailedNoChoiceMatched()
    {
        JsonObject r = await TestAsync("""{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":3,"Next":"Three"}]}""", """{"n":1}""");

        Assert.Equal("FAILED", (string?)r["status"]);
        Assert.Equal("States.NoChoiceMatched", (string?)r["error"]);
        Assert.Null(r["nextState"]);
        Assert.Null(r["output"]);
    }

    [Fact]
    public async Task TestState_Fail_FailedWithErrorAndCause()
    {
        JsonObject r = await TestAsync("""{"Type":"Fail","Error":"My.Error","Cause":"because"}""");

        Assert.Equal("FAILED", (string?)r["status"]);
        Assert.Equal("My.Error", (string?)r["error"]);
        Assert.Equal("because", (string?)r["cause"]);
    }

    [Fact]
    public async Task TestState_WaitAnHour_AnswersAtOnce()
    {
        JsonObject r = await TestAsync("""{"Type":"Wait","Seconds":3600,"Next":"After"}""", """{"k":true}""");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("After", (string?)r["nextState"]);
        Assert.Equal("""{"k":true}""", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_Succeed_OutputNoNextState()
    {
        JsonObject r = await TestAsync("""{"Type":"Succeed","OutputPath":"$.keep"}""", """{"keep":[1],"drop":2}""");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("[1]", (string?)r["output"]);
        Assert.Null(r["nextState"]);
    }

    [Fact]
    public async Task TestState_TaskMockResult_DataFlowInInspectionData()
    {
        JsonObject r = await TestAsync(
            "{\"Type\":\"Task\",\"Resource\":\"" + Lambda + "\",\"Parameters\":{\"FunctionName\":\"f\",\"Payload.$\":\"$.in\"},\"ResultSelector\":{\"v.$\":\"$.Payload\"},\"ResultPath\":\"$.res\",\"Next\":\"N\"}",
            """{"in":{"x":1}}""", "TRACE",
            new JsonObject { ["mock"] = new JsonObject { ["result"] = """{"Payload":42}""" } });

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("N", (string?)r["nextState"]);
        Assert.Equal("""{"in":{"x":1},"res":{"v":42}}""", (string?)r["output"]);
        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("""{"FunctionName":"f","Payload":{"x":1}}""", (string?)data["afterParameters"]);
        Assert.Equal("""{"Payload":42}""", (string?)data["result"]);
        Assert.Equal("""{"v":42}""", (string?)data["afterResultSelector"]);
        Assert.Equal("""{"in":{"x":1},"res":{"v":42}}""", (string?)data["afterResultPath"]);
    }

    [Fact]
    public async Task TestState_TaskMockErrorWithRetrier_RetriableWithBackoff()
    {
        JsonObject r = await TestAsync(
            "{\"Type\":\"Task\",\"Resource\":\"" + Lambda + "\",\"Retry\":[{\"ErrorEquals\":[\"Other\"]},{\"ErrorEquals\":[\"Boom\"],\"IntervalSeconds\":2,\"BackoffRate\":3}],"
            + "\"Catch\":[{\"ErrorEquals\":[\"States.ALL\"],\"Next\":\"Handler\"}],\"End\":true}",
            "{}", "DEBUG",
            new JsonObject
            {
                ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Boom", ["cause"] = "bad" } },
                ["stateConfiguration"] = new JsonObject { ["retrierRetryCount"] = 1 },
            });

        Assert.Equal("RETRIABLE", (string?)r["status"]);
        Assert.Equal("Boom", (string?)r["error"]);
        Assert.Equal("bad", (string?)r["cause"]);
        Assert.Null(r["nextState"]);
        Assert.Equal(1, (int)r["inspectionData"]!["errorDetails"]!["retryIndex"]!);
        Assert.Equal(6, (int)r["inspectionData"]!["errorDetails"]!["retryBackoffIntervalSeconds"]!);
    }

    [Fact]
    public async Task TestState_TaskMockErrorRetriesSpent_CaughtError()
    {
        JsonObject r = await TestAsync(
            "{\"Type\":\"Task\",\"Resource\":\"" + Lambda + "\",\"Retry\":[{\"ErrorEquals\":[\"Boom\"],\"MaxAttempts\":2}],"
            + "\"Catch\":[{\"ErrorEquals\":[\"Nope\"],\"Next\":\"X\"},{\"ErrorEquals\":[\"States.ALL\"],\"ResultPath\":\"$.err\",\"Next\":\"Handler\"}],\"End\":true}",
            """{"a":1}""", "DEBUG",
            new JsonObject
            {
                ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Boom", ["cause"] = "bad" } },
                ["stateConfiguration"] = new JsonObject { ["retrierRetryCount"] = 2 },
            });

        Assert.Equal("CAUGHT_ERROR", (string?)r["status"]);
        Assert.Equal("Handler", (string?)r["nextState"]);
        Assert.Equal("Boom", (string?)r["error"]);
        Assert.Equal("bad", (string?)r["cause"]);
        Assert.Equal("""{"a":1,"err":{"Error":"Boom","Cause":"bad"}}""", (string?)r["output"]);
        Assert.Equal(1, (int)r["inspectionData"]!["errorDetails"]!["catchIndex"]!);
    }

    [Fact]
    public async Task TestState_TaskWithoutHandler_FailedStatesRuntime()
    {
        JsonObject r = await TestAsync("""{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"TableName":"t"},"End":true}""");

        Assert.Equal("FAILED", (string?)r["status"]);
        Assert.Equal("States.Runtime", (string?)r["error"]);
    }

    [Fact]
    public async Task TestState_WholeMachineWithStateName_TestsThatState()
    {
        string machine = """{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Result":"b","Next":"A"}}}""";

        JsonObject r = await TestAsync(machine, "{}", extra: new JsonObject { ["stateName"] = "B" });

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("A", (string?)r["nextState"]);
        Assert.Equal("\"b\"", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_JsonataPass_Output()
    {
        JsonObject r = await TestAsync("""{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $states.input.a * 2 %}","End":true}""", """{"a":21}""");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("42", (string?)r["output"]);
    }

    [Theory]
    [InlineData("""{"input":"{}"}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"definition":"{not json"}""", ApiErrorTypes.InvalidDefinition)]
    [InlineData("""{"definition":"{\"Type\":\"Pass\"}"}""", ApiErrorTypes.InvalidDefinition)]
    [InlineData("""{"definition":"{\"Type\":\"Map\",\"ItemProcessor\":{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}},\"End\":true}"}""", ApiErrorTypes.InvalidDefinition)]
    [InlineData("""{"definition":"{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:us-east-1:123456789012:activity:a\",\"End\":true}"}""", ApiErrorTypes.InvalidDefinition)]
    [InlineData("""{"definition":"{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\",\"End\":true}"}""", ApiErrorTypes.InvalidDefinition)]
    [InlineData("""{"definition":"{\"Type\":\"Pass\",\"End\":true}","input":"{bad"}""", ApiErrorTypes.InvalidExecutionInput)]
    [InlineData("""{"definition":"{\"Type\":\"Pass\",\"End\":true}","inspectionLevel":"LOUD"}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"definition":"{\"Type\":\"Pass\",\"End\":true}","roleArn":"arn:aws:s3:::bucket"}""", ApiErrorTypes.InvalidArn)]
    [InlineData("""{"definition":"{\"Type\":\"Pass\",\"End\":true}","mock":{"result":"{}"}}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"definition":"{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}","mock":{"result":"{}","errorOutput":{"error":"E"}}}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"definition":"{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"End\":true}","mock":{"result":"{x"}}""", ApiErrorTypes.ValidationException)]
    [InlineData("""{"definition":"{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Succeed\"}}}","stateName":"Z"}""", ApiErrorTypes.InvalidDefinition)]
    public async Task TestState_BadRequest_AwsError(string body, string errorType)
    {
        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.TestState", body, CancellationToken.None), errorType);
    }

    [Fact]
    public async Task TestState_ActivityWithMock_RunsTheMock()
    {
        JsonObject r = await TestAsync(
            """{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:a","End":true}""", "{}",
            extra: new JsonObject { ["mock"] = new JsonObject { ["result"] = """{"ok":1}""" } });

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""{"ok":1}""", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_PassDebugEveryJsonPathStep_EachStepAsTheEngineAppliesIt()
    {
        JsonObject r = await TestAsync(
            """{"Type":"Pass","InputPath":"$.in","Parameters":{"n.$":"$.n","k":"v"},"ResultPath":"$.out","OutputPath":"$.out","End":true}""",
            """{"in":{"n":3,"x":0},"other":1}""", "DEBUG");

        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("""{"n":3,"k":"v"}""", (string?)r["output"]);
        Assert.Equal("""{"in":{"n":3,"x":0},"other":1}""", (string?)data["input"]);
        Assert.Equal("""{"n":3,"x":0}""", (string?)data["afterInputPath"]);
        Assert.Equal("""{"n":3,"k":"v"}""", (string?)data["afterParameters"]);
        Assert.Equal("""{"n":3,"k":"v"}""", (string?)data["result"]);
        Assert.Equal("""{"in":{"n":3,"x":0},"other":1,"out":{"n":3,"k":"v"}}""", (string?)data["afterResultPath"]);
        Assert.Null(data["afterArguments"]);
        Assert.Null(data["variables"]);
        Assert.Null(data["request"]);
    }

    [Fact]
    public async Task TestState_InputPathNullAndResultPathNull_EmptyInputAndInputKept()
    {
        JsonObject r = await TestAsync("""{"Type":"Pass","InputPath":null,"Result":1,"ResultPath":null,"End":true}""", """{"a":1}""", "DEBUG");

        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("{}", (string?)data["afterInputPath"]);
        Assert.Equal("1", (string?)data["result"]);
        Assert.Equal("""{"a":1}""", (string?)data["afterResultPath"]);
        Assert.Equal("""{"a":1}""", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_Variables_SeenByTheStateAndReportedWithAssigned()
    {
        JsonObject r = await TestAsync(
            """{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($base, $.a)"},"Assign":{"total.$":"$.sum","base":0},"End":true}""",
            """{"a":2}""", "DEBUG", new JsonObject { ["variables"] = """{"base":40,"keep":"x"}""" });

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""{"sum":42}""", (string?)r["output"]);
        JsonObject variables = JsonNode.Parse((string)r["inspectionData"]!["variables"]!)!.AsObject();
        Assert.Equal(0, (int)variables["base"]!);
        Assert.Equal("x", (string?)variables["keep"]);
        Assert.Equal(42, (int)variables["total"]!);
    }

    [Fact]
    public async Task TestState_VariablesInfo_NoInspectionData()
    {
        JsonObject r = await TestAsync("""{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% $v + 1 %}","End":true}""", "{}",
            extra: new JsonObject { ["variables"] = """{"v":1}""" });

        Assert.Equal("2", (string?)r["output"]);
        Assert.Null(r["inspectionData"]);
    }

    [Fact]
    public async Task TestState_JsonataTaskDebug_ArgumentsResultVariablesNoJsonPathSteps()
    {
        JsonObject r = await TestAsync(
            "{\"Type\":\"Task\",\"QueryLanguage\":\"JSONata\",\"Resource\":\"" + Lambda + "\",\"Arguments\":{\"FunctionName\":\"f\",\"Payload\":\"{% $states.input.x + $bonus %}\"},"
            + "\"Assign\":{\"got\":\"{% $states.result.Payload %}\"},\"Output\":\"{% $states.result.Payload %}\",\"End\":true}",
            """{"x":1}""", "DEBUG",
            new JsonObject { ["variables"] = """{"bonus":10}""", ["mock"] = new JsonObject { ["result"] = """{"Payload":5}""" } });

        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("5", (string?)r["output"]);
        Assert.Equal("""{"FunctionName":"f","Payload":11}""", (string?)data["afterArguments"]);
        Assert.Equal("""{"Payload":5}""", (string?)data["result"]);
        Assert.Equal("""{"bonus":10,"got":5}""", (string?)data["variables"]);
        Assert.Null(data["afterInputPath"]);
        Assert.Null(data["afterParameters"]);
        Assert.Null(data["afterResultSelector"]);
        Assert.Null(data["afterResultPath"]);
    }

    [Fact]
    public async Task TestState_ChoiceDebug_AfterInputPathNoResult()
    {
        JsonObject r = await TestAsync("""{"Type":"Choice","InputPath":"$.v","Choices":[{"Variable":"$","NumericEquals":1,"Next":"One"}],"Default":"Other"}""", """{"v":1}""", "DEBUG");

        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("One", (string?)r["nextState"]);
        Assert.Equal("1", (string?)data["afterInputPath"]);
        Assert.Null(data["result"]);
        Assert.Null(data["afterResultPath"]);
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{bad")]
    [InlineData("3")]
    public async Task TestState_VariablesNotAnObject_ValidationException(string variables)
    {
        JsonObject request = new() { ["definition"] = """{"Type":"Pass","End":true}""", ["variables"] = variables };

        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.TestState", request.ToJsonString(), CancellationToken.None), ApiErrorTypes.ValidationException);
    }

    private const string MapState = """{"Type":"Map","ItemsPath":"$.items","MaxConcurrency":2,"ToleratedFailureCount":1,"ItemProcessor":{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}},"ResultSelector":{"n.$":"States.ArrayLength($)"},"ResultPath":"$.count","Next":"After"}""";

    [Fact]
    public async Task TestState_MapWithMockResult_DataFlowAroundTheMockedResult()
    {
        JsonObject r = await TestAsync(MapState, """{"items":[1,2,3]}""", "DEBUG", new JsonObject { ["mock"] = new JsonObject { ["result"] = "[10,20,30]" } });

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("After", (string?)r["nextState"]);
        Assert.Equal("""{"items":[1,2,3],"count":{"n":3}}""", (string?)r["output"]);
        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("[1,2,3]", (string?)data["afterItemsPath"]);
        Assert.Equal("[10,20,30]", (string?)data["result"]);
        Assert.Equal("""{"n":3}""", (string?)data["afterResultSelector"]);
        Assert.Equal(2, (int)data["maxConcurrency"]!);
        Assert.Equal(1, (int)data["toleratedFailureCount"]!);
    }

    [Fact]
    public async Task TestState_ParallelWithMockErrorCaught_CaughtError()
    {
        JsonObject r = await TestAsync(
            """{"Type":"Parallel","Branches":[{"StartAt":"B1","States":{"B1":{"Type":"Pass","End":true}}}],"Catch":[{"ErrorEquals":["Boom"],"ResultPath":"$.err","Next":"Handler"}],"End":true}""",
            """{"a":1}""", "DEBUG",
            new JsonObject
            {
                ["mock"] = new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "Boom", ["cause"] = "inner" } },
                ["stateConfiguration"] = new JsonObject { ["errorCausedByState"] = "B1" },
            });

        Assert.Equal("CAUGHT_ERROR", (string?)r["status"]);
        Assert.Equal("Handler", (string?)r["nextState"]);
        Assert.Equal("""{"a":1,"err":{"Error":"Boom","Cause":"inner"}}""", (string?)r["output"]);
        Assert.Equal(0, (int)r["inspectionData"]!["errorDetails"]!["catchIndex"]!);
    }

    [Theory]
    [InlineData("Nowhere", true)]
    [InlineData("Inner", false)]
    public async Task TestState_ErrorCausedByStateWrong_ValidationException(string name, bool errorMock)
    {
        JsonObject mock = errorMock
            ? new JsonObject { ["errorOutput"] = new JsonObject { ["error"] = "E" } }
            : new JsonObject { ["result"] = "[]" };
        JsonObject request = new()
        {
            ["definition"] = MapState, ["mock"] = mock,
            ["stateConfiguration"] = new JsonObject { ["errorCausedByState"] = name },
        };

        ApiTestCalls.Error(await host.DispatchAsync("AWSStepFunctions.TestState", request.ToJsonString(), CancellationToken.None), ApiErrorTypes.ValidationException);
    }
}
