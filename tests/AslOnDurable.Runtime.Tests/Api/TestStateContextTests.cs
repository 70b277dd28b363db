using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>TestState's <c>context</c>: the context object the tested state sees, and AWS's checks of it.</summary>
public sealed class TestStateContextTests(ApiHostFixture fixture) : IClassFixture<ApiHostFixture>
{
    private const string Given = """{"Execution":{"Id":"arn:aws:states:us-east-1:123456789012:execution:M:run-7","Name":"run-7","Input":{"x":41},"StartTime":"2025-01-15T10:30:00.000Z"},"State":{"Name":"Somewhere","EnteredTime":"2025-01-15T10:30:01.500Z","RetryCount":2},"StateMachine":{"Id":"arn:aws:states:us-east-1:123456789012:stateMachine:M","Name":"M"}}""";

    private const string MockedTask = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"ResultSelector":{"name.$":"$$.Execution.Name","state.$":"$$.State.Name","retries.$":"$$.State.RetryCount","got.$":"$.v"},"End":true}""";

    private readonly StepFunctionsSelfHost host = fixture.Host;

    private static JsonObject Request(string definition, string? context, JsonObject? mock)
    {
        JsonObject request = new() { ["definition"] = definition, ["input"] = "{}", ["inspectionLevel"] = "DEBUG" };
        if (context is not null)
        {
            request["context"] = context;
        }

        if (mock is not null)
        {
            request["mock"] = mock;
        }

        return request;
    }

    private static JsonObject Result(string json) => new() { ["result"] = json, ["fieldValidationMode"] = "NONE" };

    [Fact]
    public async Task TestState_JsonPathTaskWithContext_DollarDollarIsTheGivenObject()
    {
        JsonObject r = await host.OkAsync("TestState", Request(MockedTask, Given, Result("""{"v":1}""")));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("""{"name":"run-7","state":"Somewhere","retries":2,"got":1}""", (string?)r["output"]);
    }

    [Fact]
    public async Task TestState_JsonataTaskWithContext_StatesContextIsTheGivenObject()
    {
        const string Definition = """{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f"},"Output":"{% $states.context.Execution.Input.x + $states.result.v %}","End":true}""";

        JsonObject r = await host.OkAsync("TestState", Request(Definition, Given, Result("""{"v":1}""")));

        Assert.Equal("SUCCEEDED", (string?)r["status"]);
        Assert.Equal("42", (string?)r["output"]);
    }

    [Theory]
    [InlineData("{}", "{}")]
    [InlineData("""{"Execution":{},"State":{},"StateMachine":{}}""", """{"Execution":{},"State":{},"StateMachine":{}}""")]
    public async Task TestState_SparseContext_FieldsLeftOutStayOut(string context, string seen)
    {
        const string Definition = """{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"f"},"ResultSelector":{"ctx.$":"$$"},"End":true}""";

        JsonObject r = await host.OkAsync("TestState", Request(Definition, context, Result("{}")));

        Assert.Equal("{\"ctx\":" + seen + "}", (string?)r["output"]);
        Assert.Equal("{\"ctx\":" + seen + "}", (string?)r["inspectionData"]!["afterResultSelector"]);
    }

    [Fact]
    public async Task TestState_TaskTokenForWaitForTaskToken_Seen()
    {
        const string Definition = """{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken","Parameters":{"QueueUrl":"q","MessageBody":{"t.$":"$$.Task.Token"}},"End":true}""";

        JsonObject r = await host.OkAsync("TestState", Request(Definition, """{"Task":{"Token":"abc"}}""", Result("{}")));

        Assert.Equal("""{"QueueUrl":"q","MessageBody":{"t":"abc"}}""", (string?)r["inspectionData"]!["afterParameters"]);
    }

    [Fact]
    public async Task TestState_NoContext_EngineContextAsBefore()
    {
        JsonObject r = await host.OkAsync("TestState", Request(MockedTask, null, Result("""{"v":1}""")));

        Assert.Equal("TestState", (string?)JsonNode.Parse((string)r["output"]!)!["name"]);
    }

    [Theory]
    [InlineData("""{"Map":{}}""", "Invalid Context object provided: 'Map' field is not supported when mocking a Context object")]
    [InlineData("""{"Pokedex":{}}""", "Invalid Context object provided: Field 'Pokedex' is not allowed")]
    [InlineData("""{"Execution":{"pokemon":"squirtle"}}""", "Invalid Context object provided: Field 'pokemon' is not allowed")]
    [InlineData("""{"Execution":{"Id":1}}""", "Invalid Context object provided: Execution.Id must be a string")]
    [InlineData("""{"State":{"RetryCount":"1"}}""", "Invalid Context object provided: State.RetryCount must be a number")]
    [InlineData("""{"Task":{"Token":"abc"}}""", "Invalid Context object provided: Context object contains 'Task' when state is not a Task state with a '.sync' or '.waitForTaskToken' service integration pattern")]
    [InlineData("""[1]""", "Invalid Context object provided: it must be a JSON object")]
    [InlineData("""{bad""", "Invalid Context object provided: it is not valid JSON")]
    public async Task TestState_BadContext_ValidationExceptionAsAws(string context, string message)
    {
        JsonObject error = await host.ErrorAsync("TestState", Request(MockedTask, context, Result("{}")), ApiErrorTypes.ValidationException);

        Assert.StartsWith(message, (string?)error["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TestState_ContextWithoutMock_ValidationException()
    {
        const string Pass = """{"Type":"Pass","End":true}""";

        JsonObject error = await host.ErrorAsync("TestState", Request(Pass, Given, null), ApiErrorTypes.ValidationException);

        Assert.Contains("only be specified with a mock", (string?)error["message"], StringComparison.Ordinal);
    }
}
