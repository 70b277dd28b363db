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

    private const string Distributed = """{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"EXPRESS"},"StartAt":"Inner","States":{"Inner":{"Type":"Pass","End":true}}}""";

    private static JsonObject ReaderData(string data) => new() { ["mapItemReaderData"] = data };

    [Fact]
    public async Task TestState_ItemReaderWithItemsPointer_ReadsTheDataThenSelectsAndBatches()
    {
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/catalog/products"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemSelector":{"n.$":"$$.Map.Item.Value.name","i.$":"$$.Map.Item.Index","run.$":"$.run"},"ItemBatcher":{"MaxItemsPerBatch":2},"ItemProcessor":""" + Distributed + ""","End":true}""";
        const string data = """{"version":1,"catalog":{"products":[{"name":"a"},{"name":"b"},{"name":"c"}]}}""";

        JsonObject r = await TestAsync(definition, """{"run":7}""", Result("[]"), ReaderData(data));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        JsonObject inspection = r["inspectionData"]!.AsObject();
        Assert.Equal("""[{"name":"a"},{"name":"b"},{"name":"c"}]""", (string?)inspection["afterItemsPointer"]);
        Assert.Equal("""[{"n":"a","i":0,"run":7},{"n":"b","i":1,"run":7},{"n":"c","i":2,"run":7}]""", (string?)inspection["afterItemSelector"]);
        Assert.Equal("""[{"Items":[{"n":"a","i":0,"run":7},{"n":"b","i":1,"run":7}]},{"Items":[{"n":"c","i":2,"run":7}]}]""", (string?)inspection["afterItemBatcher"]);
    }

    [Fact]
    public async Task TestState_JsonataItemReaderWithItemsPointer_AfterItemsPointerAndSelector()
    {
        string definition = """{"Type":"Map","QueryLanguage":"JSONata","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/rows"},"Arguments":{"Bucket":"b","Key":"k"}},"ItemSelector":{"v":"{% $states.context.Map.Item.Value * 10 %}"},"ItemProcessor":""" + Distributed + ""","End":true}""";

        JsonObject r = await TestAsync(definition, "{}", Result("[]"), ReaderData("""{"rows":[1,2]}"""));

        JsonObject inspection = r["inspectionData"]!.AsObject();
        Assert.Equal("[1,2]", (string?)inspection["afterItemsPointer"]);
        Assert.Equal("""[{"v":10},{"v":20}]""", (string?)inspection["afterItemSelector"]);
    }

    [Fact]
    public async Task TestState_ItemReaderCsvData_RowsSelectedNoItemsPointer()
    {
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"CSV","CSVHeaderLocation":"FIRST_ROW"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemSelector":{"id.$":"$$.Map.Item.Value.id"},"ItemProcessor":""" + Distributed + ""","End":true}""";

        JsonObject r = await TestAsync(definition, "{}", Result("[]"), ReaderData("id,name\n1,a\n2,b\n"));

        JsonObject inspection = r["inspectionData"]!.AsObject();
        Assert.Equal("""[{"id":"1"},{"id":"2"}]""", (string?)inspection["afterItemSelector"]);
        Assert.Null(inspection["afterItemsPointer"]);
    }

    [Fact]
    public async Task TestState_ItemsPointerMatchingNothingInTheData_FailsWithItemReaderFailedWhichCatchSees()
    {
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/missing"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemProcessor":""" + Distributed + ""","Catch":[{"ErrorEquals":["States.ItemReaderFailed"],"Next":"OnReader"}],"End":true}""";

        JsonObject r = await TestAsync(definition, "{}", Result("[]"), ReaderData("""{"rows":[1]}"""));

        Assert.Equal("CAUGHT_ERROR", (string?)r["status"]);
        Assert.Equal("OnReader", (string?)r["nextState"]);
        Assert.Equal("States.ItemReaderFailed", (string?)r["error"]);
        Assert.Equal("The provided ReaderConfig.ItemsPointer does not match any valid path in the JSON structure.", (string?)r["cause"]);
    }

    [Fact]
    public async Task TestState_ItemReaderWithoutData_TheInputStandsForTheItemsRead()
    {
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"b","Key":"orders.json"}},"ItemsPath":"$.orders","ItemSelector":{"id.$":"$$.Map.Item.Value.orderId"},"ToleratedFailureCount":5,"ItemProcessor":""" + Distributed + ""","End":true}""";

        JsonObject r = await TestAsync(definition, """{"orders":[{"orderId":"123"},{"orderId":"456"}]}""", Result("[]"));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""[{"id":"123"},{"id":"456"}]""", (string?)r["inspectionData"]!["afterItemSelector"]);
        Assert.Equal(5, (int)r["inspectionData"]!["toleratedFailureCount"]!);
    }

    [Fact]
    public async Task TestState_ItemReaderWithoutDataAndAnEmptyObjectInput_SucceedsSelectingNoItems()
    {
        // Without mapItemReaderData the input stands for the items read; an object's members are items, so {} is none.
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemSelector":{"x.$":"$$.Map.Item.Value"},"ItemProcessor":""" + Distributed + ""","End":true}""";

        JsonObject r = await TestAsync(definition, "{}", Result("[1]"));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("[]", (string?)r["inspectionData"]!["afterItemSelector"]);
    }

    [Fact]
    public async Task TestState_ItemReaderWithObjectData_AfterItemsPointerListsTheMembersAsPairs()
    {
        string definition = """{"Type":"Map","ItemReader":{"Resource":"arn:aws:states:::s3:getObject","ReaderConfig":{"InputType":"JSON","ItemsPointer":"/web"},"Parameters":{"Bucket":"b","Key":"k"}},"ItemProcessor":""" + Distributed + ""","End":true}""";
        JsonObject r = await TestAsync(definition, "{}", Result("[]"), ReaderData("""{"web":{"s2":{"port":8080},"s1":{"port":80}}}"""));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""[{"Key":"s2","Value":{"port":8080}},{"Key":"s1","Value":{"port":80}}]""", (string?)r["inspectionData"]!["afterItemsPointer"]);
    }

    [Theory]
    [InlineData("""{"Type":"Map","ItemsPath":"$.missing","ItemProcessor":PROCESSOR,"Catch":[{"ErrorEquals":["States.ALL"],"Next":"Caught"}],"End":true}""", "$.missing")]
    [InlineData("""{"Type":"Map","ItemsPath":"$.xs","MaxConcurrencyPath":"$.nope","ItemProcessor":PROCESSOR,"Retry":[{"ErrorEquals":["States.ALL"]}],"End":true}""", "$.nope")]
    [InlineData("""{"Type":"Map","ItemsPath":"$.xs","ItemSelector":{"v.$":"$.absent"},"ItemProcessor":PROCESSOR,"End":true}""", "$.absent")]
    public async Task TestState_MockedMapWhosePathFails_FailsWithStatesRuntimeNoRetryOrCatch(string definition, string path)
    {
        JsonObject r = await TestAsync(definition.Replace("PROCESSOR", Processor, StringComparison.Ordinal), """{"xs":[1,2]}""", Result("[]"), Failures(0));

        Assert.Equal("FAILED", (string?)r["status"]);
        Assert.Equal("States.Runtime", (string?)r["error"]);
        Assert.Contains("'TestState'", (string?)r["cause"], StringComparison.Ordinal);
        Assert.Contains(path, (string?)r["cause"], StringComparison.Ordinal);
        Assert.Null(r["nextState"]);
        Assert.Null(r["output"]);
    }

    [Fact]
    public async Task TestState_MockedMapItemsNotAnArray_QueryEvaluationErrorThatCatchSees()
    {
        string definition = """{"Type":"Map","ItemsPath":"$.xs","ItemProcessor":""" + Processor + ""","Catch":[{"ErrorEquals":["States.QueryEvaluationError"],"Next":"Caught"}],"End":true}""";

        JsonObject r = await TestAsync(definition, """{"xs":5}""", Result("[]"));

        Assert.Equal("CAUGHT_ERROR", (string?)r["status"]);
        Assert.Equal("States.QueryEvaluationError", (string?)r["error"]);
        Assert.Equal("Caught", (string?)r["nextState"]);
    }
}
