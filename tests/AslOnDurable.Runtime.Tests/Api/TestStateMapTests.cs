using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>TestState of a mocked Map state: its iteration inputs, batches and limits, and <c>mapIterationFailureCount</c>.</summary>
public sealed class TestStateMapTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Processor = """{"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}}""";

    private readonly StepFunctionsSelfHost host = fixture.Host;

    private Task<JsonObject> TestAsync(string definition, string input, JsonObject mock, JsonObject? configuration = null, string level = "DEBUG")
    {
        JsonObject request = new() { ["definition"] = definition, ["input"] = input, ["inspectionLevel"] = level, ["mock"] = mock };
        if (configuration is not null)
        {
            request["stateConfiguration"] = configuration;
        }

        return host.OkAsync("TestState", request);
    }

    private static JsonObject Result(string json) => new() { ["result"] = json };

    private static JsonObject Failures(int count) => new() { ["mapIterationFailureCount"] = count };

    [Fact]
    public async Task TestState_JsonPathMapSelectorAndPathLimits_EvaluatedAndReported()
    {
        string definition = """{"Type":"Map","InputPath":"$.in","ItemsPath":"$.xs","ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index","k.$":"$.key"},"MaxConcurrencyPath":"$.mc","ToleratedFailureCountPath":"$.tc","ToleratedFailurePercentagePath":"$.tp","ItemProcessor":""" + Processor + ""","End":true}""";

        JsonObject r = await TestAsync(definition, """{"in":{"xs":[1,2],"key":"K","mc":3,"tc":1,"tp":50}}""", Result("[]"));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("[1,2]", (string?)data["afterItemsPath"]);
        Assert.Equal("""[{"v":1,"i":0,"k":"K"},{"v":2,"i":1,"k":"K"}]""", (string?)data["afterItemSelector"]);
        Assert.Equal(3, (int)data["maxConcurrency"]!);
        Assert.Equal(1, (int)data["toleratedFailureCount"]!);
        Assert.Equal(50f, (float)data["toleratedFailurePercentage"]!);
        Assert.Null(data["afterItemBatcher"]);
    }

    [Fact]
    public async Task TestState_JsonataMapItemsSelectorAndExpressions_EvaluatedNoJsonPathSteps()
    {
        string definition = """{"Type":"Map","QueryLanguage":"JSONata","Items":"{% $states.input.xs %}","ItemSelector":{"d":"{% $states.context.Map.Item.Value * 2 %}"},"MaxConcurrency":"{% $states.input.mc %}","ToleratedFailureCount":"{% $count($states.input.xs) - 1 %}","ItemProcessor":""" + Processor + ""","End":true}""";

        JsonObject r = await TestAsync(definition, """{"xs":[1,2,3],"mc":2}""", Result("[]"));

        JsonObject data = r["inspectionData"]!.AsObject();
        Assert.Equal("""[{"d":2},{"d":4},{"d":6}]""", (string?)data["afterItemSelector"]);
        Assert.Equal(2, (int)data["maxConcurrency"]!);
        Assert.Equal(2, (int)data["toleratedFailureCount"]!);
        Assert.Null(data["afterItemsPath"]);
        Assert.Null(data["afterInputPath"]);
    }

    [Fact]
    public async Task TestState_MapWithItemBatcher_BatchesReported()
    {
        string definition = """{"Type":"Map","ItemBatcher":{"MaxItemsPerBatch":2,"BatchInput":{"b":1}},"ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}},"End":true}""";

        JsonObject r = await TestAsync(definition, "[1,2,3]", Result("[]"));

        JsonArray batches = JsonNode.Parse((string)r["inspectionData"]!["afterItemBatcher"]!)!.AsArray();
        Assert.Equal(2, batches.Count);
        Assert.Equal("[1,2]", batches[0]!["Items"]!.ToJsonString());
        Assert.Equal("[3]", batches[1]!["Items"]!.ToJsonString());
        Assert.Equal(1, (int)batches[0]!["BatchInput"]!["b"]!);
        Assert.Null(r["inspectionData"]!["afterItemSelector"]);
    }

    [Fact]
    public async Task TestState_MapWithoutLimits_MaxConcurrencyZeroNoTolerance()
    {
        string definition = """{"Type":"Map","ItemProcessor":""" + Processor + ""","End":true}""";

        JsonObject data = (await TestAsync(definition, "[1]", Result("[1]")))["inspectionData"]!.AsObject();

        Assert.Equal(0, (int)data["maxConcurrency"]!);
        Assert.False(data.ContainsKey("toleratedFailureCount"));
        Assert.Null(data["afterItemSelector"]);
    }

    private const string Tolerant = """{"Type":"Map","ToleratedFailureCount":1,"ItemProcessor":""" + Processor + ""","Catch":[{"ErrorEquals":["Mock"],"Next":"OnMock"},{"ErrorEquals":["States.ExceedToleratedFailureThreshold"],"Next":"OnThreshold"}],"End":true}""";

    [Theory]
    [InlineData(0, "SUCCEEDED", null)]
    [InlineData(1, "SUCCEEDED", null)]
    [InlineData(2, "CAUGHT_ERROR", "OnThreshold")]
    public async Task TestState_MapIterationFailureCountAgainstToleratedCount_ExceededOnlyAbove(int failures, string status, string? next)
    {
        JsonObject r = await TestAsync(Tolerant, "[1,2,3]", Result("[1,1,1]"), Failures(failures));

        Assert.Equal(status, (string?)r["status"]);
        Assert.Equal(next, (string?)r["nextState"]);
        if (next is not null)
        {
            Assert.Equal("States.ExceedToleratedFailureThreshold", (string?)r["error"]);
            Assert.Equal("The specified tolerated failure threshold was exceeded", (string?)r["cause"]);
            Assert.Equal(1, (int)r["inspectionData"]!["errorDetails"]!["catchIndex"]!);
        }
    }

    [Theory]
    [InlineData(2, "SUCCEEDED")]
    [InlineData(3, "RETRIABLE")]
    public async Task TestState_MapIterationFailureCountAgainstPercentage_OfTheItems(int failures, string status)
    {
        string definition = """{"Type":"Map","ItemsPath":"$.xs","ToleratedFailurePercentage":50,"ItemProcessor":""" + Processor + ""","Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}""";

        JsonObject r = await TestAsync(definition, """{"xs":[1,2,3,4]}""", Result("[]"), Failures(failures));

        Assert.Equal(status, (string?)r["status"]);
    }

    [Fact]
    public async Task TestState_MapIterationFailureCountNoThreshold_Succeeded()
    {
        string definition = """{"Type":"Map","ItemProcessor":""" + Processor + ""","End":true}""";

        JsonObject r = await TestAsync(definition, "[1,2]", Result("[0,0]"), Failures(2), "INFO");

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("[0,0]", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_MapIterationFailureCountWithMockError_TheMockErrorStands()
    {
        JsonObject mock = new() { ["errorOutput"] = new JsonObject { ["error"] = "Mock", ["cause"] = "c" } };

        JsonObject r = await TestAsync(Tolerant, "[1,2,3]", mock, Failures(3));

        Assert.Equal("CAUGHT_ERROR", (string?)r["status"]);
        Assert.Equal("Mock", (string?)r["error"]);
        Assert.Equal("OnMock", (string?)r["nextState"]);
    }

    [Fact]
    public async Task TestState_MapIterationFailureCountOnATask_ValidationException()
    {
        JsonObject request = new()
        {
            ["definition"] = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}""",
            ["mock"] = new JsonObject { ["result"] = "{}" },
            ["stateConfiguration"] = Failures(1),
        };

        JsonObject error = await host.ErrorAsync("TestState", request, ApiErrorTypes.ValidationException);

        Assert.Contains("mapIterationFailureCount", (string?)error["message"], StringComparison.Ordinal);
    }
}
