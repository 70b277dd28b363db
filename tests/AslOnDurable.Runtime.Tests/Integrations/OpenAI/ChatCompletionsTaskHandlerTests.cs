using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Runtime.Integrations.OpenAI;

namespace AslOnDurable.Runtime.Tests.Integrations.OpenAI;

public sealed class ChatCompletionsTaskHandlerTests
{
    private static ChatCompletionsTaskHandler Handler(FakeHttpEndpoint endpoint) =>
        new(BedrockTaskHandlerTests.Configuration.AzureOpenAI, new ChatCompletionsClient(endpoint.Client, new AzureCredentials(_ => throw new InvalidOperationException())));

    private static TaskInvocation Invocation(string parameters) =>
        new() { StateName = "Ask", Resource = ChatCompletionsTaskHandler.Resource, Input = JsonNode.Parse(parameters), ExecutionId = "arn:aws:states:us-east-1:1:execution:M:e" };

    [Fact]
    public async Task Invoke_Request_SentAsIsAndResponseIsResult()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, BedrockTaskHandlerTests.Completion));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""
            {"Deployment": "chat", "Body": {"model": "ignored", "messages": [{"role": "user", "content": "Q"}], "temperature": 0, "response_format": {"type": "json_object"}}}
            """));

        Assert.Equal("Paris", outcome.Result!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal(
            """{"messages":[{"role":"user","content":"Q"}],"temperature":0,"response_format":{"type":"json_object"}}""",
            Assert.Single(endpoint.Requests).Body);
    }

    [Fact]
    public async Task Invoke_Throttled_OpenAIThrottlingExceptionWithRetryAfterMs()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.TooManyRequests, "{}", ("retry-after-ms", "1500")));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"Deployment": "chat", "Body": {"messages": []}}"""));

        Assert.Equal("OpenAI.ThrottlingException", outcome.Error!.Error);
        Assert.Contains("Retry after 2 seconds.", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"Deployment": "nope", "Body": {"messages": []}}""", "OpenAI.ResourceNotFoundException")]
    [InlineData("""{"Deployment": "chat", "Body": {"prompt": "x"}}""", "OpenAI.ValidationException")]
    [InlineData("""{"Deployment": "chat"}""", "States.Runtime")]
    [InlineData("""{"Deployment": "chat", "Body": {"messages": []}, "Extra": 1}""", "States.Runtime")]
    public async Task Invoke_BadRequests_RefusedWithoutCalling(string parameters, string error)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, BedrockTaskHandlerTests.Completion));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation(parameters));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Empty(endpoint.Requests);
    }
}
