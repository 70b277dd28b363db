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
}
