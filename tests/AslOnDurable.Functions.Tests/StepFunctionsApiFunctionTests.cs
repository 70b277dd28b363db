using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.History;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.MapRuns;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
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
        (string machine, string execution) = await StartedAsync(api);
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
    public async Task Run_StopExecution_ParentWithADistributedMap_MapRunChildrenListAbortedWithTheStopDate_ClosedOnesKeepTheirStatus()
    {
        // The host's terminate is recursive: the parent, its map run and the map run's first-run children stop with it, and
        // the host records none of it; "held" was redriven in place (an instance of its own) and still runs.
        FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        ServiceProvider services = new ServiceCollection().AddSingleton<TimeProvider>(clock).AddStepFunctionsApi().BuildServiceProvider();
        StepFunctionsApiFunction api = new(services.GetRequiredService<StepFunctionsDispatcher>());
        (_, string execution) = await StartedAsync(api);
        IHistorySink sink = services.GetRequiredService<IExecutionHistoryStore>().SinkFor("m:e1");
        sink.Record(new HistoryEvent(1, 0, HistoryEventTypes.ExecutionStarted, clock.GetUtcNow(), null));
        sink.Record(new HistoryEvent(2, 1, HistoryEventTypes.MapRunStarted, clock.GetUtcNow(), new JsonObject { ["mapRunArn"] = MapRunChildren.MapRunArn }));
        MapRunChildren children = await MapRunChildren.RecordAsync(services, clock.GetUtcNow(), "held", "aborted", "done");
        await services.GetRequiredService<ExecutionClosings>().RecordAsync(MapRunChildren.InstanceId("done"), "SUCCEEDED", clock.GetUtcNow().AddMinutes(1), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(2));
        bool stopped = false;
        OrchestrationMetadata Parent() => new(OrchestratorNames.StateMachine, "m:e1") { RuntimeStatus = stopped ? OrchestrationRuntimeStatus.Terminated : OrchestrationRuntimeStatus.Running };
        client.Mock.Setup(c => c.GetInstancesAsync("m:e1", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Parent);
        client.Mock.Setup(c => c.TerminateInstanceAsync("m:e1", It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Callback(() => stopped = true).Returns(Task.CompletedTask);
        client.Mock.Setup(c => c.WaitForInstanceCompletionAsync("m:e1", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(Parent);
        string mapRun = MapRunInstanceIds.FromArn(MapRunChildren.MapRunArn);
        client.Mock.Setup(c => c.GetInstancesAsync(mapRun, It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new OrchestrationMetadata(OrchestratorNames.MapRun, mapRun) { RuntimeStatus = OrchestrationRuntimeStatus.Terminated });
        DateTimeOffset terminatedAt = clock.GetUtcNow().AddSeconds(1);
        children.Backend(client.Mock, "held", OrchestrationRuntimeStatus.Running);
        children.Backend(client.Mock, "aborted", OrchestrationRuntimeStatus.Terminated, terminatedAt);
        children.Backend(client.Mock, "done", OrchestrationRuntimeStatus.Completed);
        client.Mock.Setup(c => c.TerminateInstanceAsync(MapRunChildren.InstanceId("held"), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        ContentResult result = Assert.IsType<ContentResult>(await api.RunAsync(
            Request("AWSStepFunctions.StopExecution", new JsonObject { ["executionArn"] = execution }.ToJsonString()), client.Mock.Object, CancellationToken.None));

        Assert.Equal(200, result.StatusCode);
        client.Mock.Verify(c => c.TerminateInstanceAsync(MapRunChildren.InstanceId("held"), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Once());
        client.Mock.Verify(c => c.TerminateInstanceAsync(It.IsAny<string>(), It.IsAny<TerminateInstanceOptions?>(), It.IsAny<CancellationToken>()), Times.Exactly(2)); // the parent and "held"
        Assert.Equal(
            [("held", "ABORTED", clock.GetUtcNow()), ("aborted", "ABORTED", terminatedAt), ("done", "SUCCEEDED", clock.GetUtcNow().AddMinutes(-1))],
            await children.ListedAsync(services, client.Mock));
    }

    /// <summary>Creates machine <c>m</c> (one Pass state) and starts its execution <c>e1</c> (instance <c>m:e1</c>).</summary>
    private async Task<(string Machine, string Execution)> StartedAsync(StepFunctionsApiFunction api)
    {
        ContentResult created = Assert.IsType<ContentResult>(await api.RunAsync(
            Request("AWSStepFunctions.CreateStateMachine",
                """{"name":"m","definition":"{\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\",\"End\":true}}}","roleArn":"arn:aws:iam::123456789012:role/r"}"""),
            client.Mock.Object, CancellationToken.None));
        string machine = (string)JsonNode.Parse(created.Content!)!["stateMachineArn"]!;
        string execution = (string)JsonNode.Parse(((ContentResult)await api.RunAsync(
            Request("AWSStepFunctions.StartExecution", new JsonObject { ["stateMachineArn"] = machine, ["name"] = "e1" }.ToJsonString()),
            client.Mock.Object, CancellationToken.None)).Content!)!["executionArn"]!;
        return (machine, execution);
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
