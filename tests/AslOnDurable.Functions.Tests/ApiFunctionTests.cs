using System.Text;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class ApiFunctionTests
{
    private readonly DurableClientMock client = new();
    private readonly ApiFunction function = new(new ExecutionApi(new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance)));

    private static HttpRequest Request(string body)
    {
        DefaultHttpContext context = new();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }

    [Fact]
    public async Task Start_DefinitionAndInput_SchedulesStateMachineAndReturns202()
    {
        IActionResult result = await function.StartAsync(
            Request("""{"definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"input":{"branches":1}}"""),
            client.Mock.Object,
            CancellationToken.None);

        ContentResult content = Assert.IsType<ContentResult>(result);
        Assert.Equal(202, content.StatusCode);
        Assert.Equal(ApiResponse.ContentType, content.ContentType);
        var start = Assert.Single(client.Starts);
        Assert.Equal(OrchestratorNames.StateMachine, start.Name);
        Assert.Equal("""{"branches":1}""", DurableJson.Deserialize<StateMachineInput>(start.Input!).Input!.ToJsonString());
        Assert.Contains(start.InstanceId!, content.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidJson_Returns400AndSchedulesNothing()
    {
        IActionResult result = await function.StartAsync(Request("{"), client.Mock.Object, CancellationToken.None);

        Assert.Equal(400, Assert.IsType<ContentResult>(result).StatusCode);
        Assert.Empty(client.Starts);
    }

    [Fact]
    public async Task Describe_UnknownInstance_Returns404()
    {
        client.Mock.Setup(c => c.GetInstancesAsync("nope", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);

        IActionResult result = await ApiFunction.DescribeAsync(Request(string.Empty), "nope", client.Mock.Object, CancellationToken.None);

        Assert.Equal(404, Assert.IsType<ContentResult>(result).StatusCode);
    }

    private void Instance(string instanceId, OrchestrationRuntimeStatus status) =>
        client.Mock.Setup(c => c.GetInstancesAsync(instanceId, true, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, instanceId) { RuntimeStatus = status });

    private static string Body(string token, string rest = "") => $$"""{"taskToken":"{{token}}"{{rest}}}""";

    [Fact]
    public async Task SendTaskSuccess_RunningExecution_RaisesTheTokensEventAndReturns200()
    {
        Guid id = Guid.NewGuid();
        Instance("exec-1", OrchestrationRuntimeStatus.Running);
        client.Mock.Setup(c => c.RaiseEventAsync("exec-1", TaskToken.EventName(id), It.IsAny<object?>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        IActionResult result = await ApiFunction.SendTaskSuccessAsync(
            Request(Body(TaskToken.Create("exec-1", id), ",\"output\":\"{\\\"ok\\\":true}\"")), client.Mock.Object, CancellationToken.None);

        ContentResult content = Assert.IsType<ContentResult>(result);
        Assert.Equal(200, content.StatusCode);
        Assert.Equal("{}", content.Content);
        client.Mock.Verify(c => c.RaiseEventAsync("exec-1", TaskToken.EventName(id), It.Is<object?>(p => ((string)p!).Contains("\"success\"", StringComparison.Ordinal)), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SendTaskFailure_ErrorAndCause_AreSentAs200()
    {
        Guid id = Guid.NewGuid();
        Instance("exec-2", OrchestrationRuntimeStatus.Running);
        object? sent = null;
        client.Mock.Setup(c => c.RaiseEventAsync("exec-2", TaskToken.EventName(id), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string _, object? payload, CancellationToken _) => sent = payload)
            .Returns(Task.CompletedTask);

        IActionResult result = await ApiFunction.SendTaskFailureAsync(
            Request(Body(TaskToken.Create("exec-2", id), ",\"error\":\"E.Bad\",\"cause\":\"why\"")), client.Mock.Object, CancellationToken.None);

        Assert.Equal(200, Assert.IsType<ContentResult>(result).StatusCode);
        TaskCallbackEvent callback = DurableJson.Deserialize<TaskCallbackEvent>((string)sent!);
        Assert.Equal(("E.Bad", "why"), (callback.Error, callback.Cause));
    }

    [Fact]
    public async Task SendTaskHeartbeat_InvalidToken_Returns400InvalidToken()
    {
        IActionResult result = await ApiFunction.SendTaskHeartbeatAsync(Request(Body("???")), client.Mock.Object, CancellationToken.None);

        ContentResult content = Assert.IsType<ContentResult>(result);
        Assert.Equal(400, content.StatusCode);
        Assert.Contains("\"__type\":\"InvalidToken\"", content.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskSuccess_OutputNotJson_Returns400InvalidOutput()
    {
        IActionResult result = await ApiFunction.SendTaskSuccessAsync(
            Request(Body(TaskToken.Create("exec-3", Guid.NewGuid()), ",\"output\":\"{nope\"")), client.Mock.Object, CancellationToken.None);

        ContentResult content = Assert.IsType<ContentResult>(result);
        Assert.Equal(400, content.StatusCode);
        Assert.Contains("\"__type\":\"InvalidOutput\"", content.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskHeartbeat_UnknownOrEndedExecution_Returns400WithAwsErrors()
    {
        client.Mock.Setup(c => c.GetInstancesAsync("gone", true, It.IsAny<CancellationToken>())).ReturnsAsync((OrchestrationMetadata?)null);
        Instance("done", OrchestrationRuntimeStatus.Completed);

        ContentResult gone = Assert.IsType<ContentResult>(await ApiFunction.SendTaskHeartbeatAsync(
            Request(Body(TaskToken.Create("gone", Guid.NewGuid()))), client.Mock.Object, CancellationToken.None));
        ContentResult done = Assert.IsType<ContentResult>(await ApiFunction.SendTaskHeartbeatAsync(
            Request(Body(TaskToken.Create("done", Guid.NewGuid()))), client.Mock.Object, CancellationToken.None));

        Assert.Contains("\"__type\":\"TaskDoesNotExist\"", gone.Content, StringComparison.Ordinal);
        Assert.Contains("\"__type\":\"TaskTimedOut\"", done.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTaskSuccess_BodyNotAnObject_Returns400InvalidRequest()
    {
        ContentResult content = Assert.IsType<ContentResult>(await ApiFunction.SendTaskSuccessAsync(Request("[1]"), client.Mock.Object, CancellationToken.None));

        Assert.Equal(400, content.StatusCode);
        Assert.Contains("InvalidRequest", content.Content, StringComparison.Ordinal);
    }
}
