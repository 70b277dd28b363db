using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class StepFunctionsApiFunctionTests
{
    private readonly DurableClientMock client = new();
    private readonly StepFunctionsApiFunction function = new(
        new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider().GetRequiredService<StepFunctionsDispatcher>());

    private static HttpRequest Request(string? target, string body)
    {
        DefaultHttpContext context = new();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (target is not null)
        {
            context.Request.Headers["X-Amz-Target"] = target;
        }

        return context.Request;
    }

    [Fact]
    public async Task Run_CreateThenStart_DelegatesToDispatcherAndStartsDurably()
    {
        ContentResult created = Assert.IsType<ContentResult>(await function.RunAsync(
            Request("AWSStepFunctions.CreateStateMachine",
                """{"name":"m","definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}","roleArn":"arn:aws:iam::123456789012:role/r"}"""),
            client.Mock.Object, CancellationToken.None));
        string arn = (string)JsonNode.Parse(created.Content!)!["stateMachineArn"]!;

        ContentResult started = Assert.IsType<ContentResult>(await function.RunAsync(
            Request("AWSStepFunctions.StartExecution", new JsonObject { ["stateMachineArn"] = arn, ["name"] = "e1" }.ToJsonString()),
            client.Mock.Object, CancellationToken.None));

        Assert.Equal(200, created.StatusCode);
        Assert.Equal(StepFunctionsDispatcher.ContentType, created.ContentType);
        Assert.Equal(200, started.StatusCode);
        Assert.Equal("arn:aws:states:us-east-1:123456789012:execution:m:e1", (string?)JsonNode.Parse(started.Content!)!["executionArn"]);
        Assert.Equal("m:e1", Assert.Single(client.Starts).InstanceId);
    }

    [Fact]
    public async Task Run_DescribeAndList_DecidedExecutionWhoseInstanceStillRuns_AnswerTheDecidedResult()
    {
        // The host completes the instance only once the work its failed Parallel abandoned has answered; meanwhile its
        // custom status says asl:finished and its history ends with ExecutionFailed.
        ServiceProvider services = new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider();
        StepFunctionsApiFunction api = new(services.GetRequiredService<StepFunctionsDispatcher>());
        ContentResult created = Assert.IsType<ContentResult>(await api.RunAsync(
            Request("AWSStepFunctions.CreateStateMachine",
                """{"name":"m","definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}","roleArn":"arn:aws:iam::123456789012:role/r"}"""),
            client.Mock.Object, CancellationToken.None));
        string machine = (string)JsonNode.Parse(created.Content!)!["stateMachineArn"]!;
        string execution = (string)JsonNode.Parse(((ContentResult)await api.RunAsync(
            Request("AWSStepFunctions.StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "e1" }.ToJsonString()),
            client.Mock.Object, CancellationToken.None)).Content!)!["executionArn"]!;
        client.Mock.Setup(c => c.GetInstancesAsync("m:e1", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.StateMachine, "m:e1")
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running, SerializedCustomStatus = "\"" + StateMachineOrchestrator.FinishedStatus + "\"",
            });
        IHistorySink sink = services.GetRequiredService<IExecutionHistoryStore>().SinkFor("m:e1");
        sink.Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionStarted, DateTimeOffset.UtcNow, null));
        sink.Record(new HistoryEvent(2, 1, HistoryEventTypes.ExecutionFailed, DateTimeOffset.UtcNow, new JsonObject { ["error"] = "Boom", ["cause"] = "on purpose" }));

        JsonNode described = JsonNode.Parse(((ContentResult)await api.RunAsync(
            Request("AWSStepFunctions.DescribeExecution", new JsonObject { ["executionArn"] = execution }.ToJsonString()), client.Mock.Object, CancellationToken.None)).Content!)!;
        JsonNode listed = JsonNode.Parse(((ContentResult)await api.RunAsync(
            Request("AWSStepFunctions.ListExecutions", new JsonObject { ["stateMachineArn"] = machine }.ToJsonString()), client.Mock.Object, CancellationToken.None)).Content!)!;

        Assert.Equal(("FAILED", "Boom", "on purpose"), ((string?)described["status"], (string?)described["error"], (string?)described["cause"]));
        Assert.Equal("FAILED", (string?)listed["executions"]![0]!["status"]);
        Assert.Equal((double?)described["stopDate"], (double?)listed["executions"]![0]!["stopDate"]);
    }

    [Fact]
    public async Task Run_NoTarget_UnknownOperation400()
    {
        ContentResult result = Assert.IsType<ContentResult>(await function.RunAsync(Request(null, "{}"), client.Mock.Object, CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("UnknownOperation", (string?)JsonNode.Parse(result.Content!)!["__type"]);
        Assert.Empty(client.Starts);
    }
}
