using System.Text;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

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
    public async Task Run_NoTarget_UnknownOperation400()
    {
        ContentResult result = Assert.IsType<ContentResult>(await function.RunAsync(Request(null, "{}"), client.Mock.Object, CancellationToken.None));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal("UnknownOperation", (string?)JsonNode.Parse(result.Content!)!["__type"]);
        Assert.Empty(client.Starts);
    }
}
