using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Runtime.Integrations.OpenAI;
using Azure.Core;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations.OpenAI;

public sealed class BedrockTaskHandlerTests
{
    internal const string Completion = """
        {"id":"chatcmpl-1","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"Paris"}}],
         "usage":{"prompt_tokens":12,"completion_tokens":3,"total_tokens":15}}
        """;

    internal static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(_ => null).Read("""
        {"azureOpenAI": {
          "deployments": {
            "chat": {"endpoint": "https://res-1.openai.azure.com/", "deployment": "gpt-4o-mini", "apiKey": "aoai-key-1"},
            "mi": {"endpoint": "https://res-2.openai.azure.com/", "managedIdentity": true, "apiVersion": "2025-01-01-preview"}},
          "bedrockModels": {"anthropic.claude-3-haiku-20240307-v1:0": "chat", "amazon.titan-text-express-v1": "chat", "amazon.nova-lite-v1:0": "mi",
                            "meta.llama3-8b-instruct-v1:0": "chat", "custom.model": "chat"}}}
        """);

    private static BedrockTaskHandler Handler(FakeHttpEndpoint endpoint, AzureCredentials? credentials = null) =>
        new(Configuration.AzureOpenAI, new ChatCompletionsClient(endpoint.Client, credentials ?? new AzureCredentials(_ => throw new InvalidOperationException())));

    private static TaskInvocation Invocation(string parameters) =>
        new() { StateName = "Ask", Resource = BedrockTaskHandler.Resource, Input = JsonNode.Parse(parameters), ExecutionId = "arn:aws:states:us-east-1:1:execution:M:e" };

    [Fact]
    public async Task Invoke_AnthropicBody_TranslatesBothWaysWithApiKey()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, Completion));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""
            {"ModelId": "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
             "Body": {"anthropic_version": "bedrock-2023-05-31", "max_tokens": 50, "system": "Be brief.",
                      "messages": [{"role": "user", "content": [{"type": "text", "text": "Capital of "}, {"type": "text", "text": "France?"}]}]}}
            """));

        JsonObject result = outcome.Result!.AsObject();
        Assert.Equal(["Body", "ContentType"], result.Select(p => p.Key));
        Assert.Equal("Paris", result["Body"]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("end_turn", result["Body"]!["stop_reason"]!.GetValue<string>());
        Assert.Equal(12, result["Body"]!["usage"]!["input_tokens"]!.GetValue<int>());
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("https://res-1.openai.azure.com/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21", request.Uri.ToString());
        Assert.Equal("aoai-key-1", request.Headers["api-key"]);
        Assert.Equal(
            """{"max_tokens":50,"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Capital of France?"}]}""",
            request.Body);
    }

    [Theory]
    [InlineData("amazon.titan-text-express-v1", """{"inputText": "Q", "textGenerationConfig": {"maxTokenCount": 9}}""", "$.results[0].outputText")]
    [InlineData("meta.llama3-8b-instruct-v1:0", """{"prompt": "Q", "max_gen_len": 9}""", "$.generation")]
    [InlineData("custom.model", """{"messages": [{"role": "user", "content": "Q"}], "max_tokens": 9}""", "$.choices[0].message.content")]
    public async Task Invoke_OtherFamilies_ResponseInModelShape(string modelId, string body, string path)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, Completion));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation($$"""{"ModelId": "{{modelId}}", "Body": {{body}}}"""));

        JsonNode? node = outcome.Result!["Body"];
        foreach (string step in path[2..].Split('.'))
        {
            int bracket = step.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0 ? node![step] : node![step[..bracket]]![int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)];
        }

        Assert.Equal("Paris", node!.GetValue<string>());
        Assert.Equal(9, JsonNode.Parse(Assert.Single(endpoint.Requests).Body)!["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task Invoke_NovaOnManagedIdentity_BearerForCognitiveServicesScope()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, Completion));
        Mock<TokenCredential> credential = new(MockBehavior.Strict);
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == "https://cognitiveservices.azure.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("aoai-token", DateTimeOffset.MaxValue));

        TaskOutcome outcome = await Handler(endpoint, new AzureCredentials(_ => credential.Object)).InvokeAsync(Invocation("""
            {"ModelId": "us.amazon.nova-lite-v1:0", "Body": {"system": [{"text": "S"}], "messages": [{"role": "user", "content": [{"text": "Q"}]}], "inferenceConfig": {"maxTokens": 5}}}
            """));

        Assert.Equal("Paris", outcome.Result!["Body"]!["output"]!["message"]!["content"]![0]!["text"]!.GetValue<string>());
        FakeHttpEndpoint.Recorded request = Assert.Single(endpoint.Requests);
        Assert.Equal("Bearer aoai-token", request.Headers["Authorization"]);
        Assert.Contains("api-version=2025-01-01-preview", request.Uri.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("aoai-token", outcome.Result.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_Throttled_ThrottlingExceptionWithRetryAfter()
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(
            HttpStatusCode.TooManyRequests, """{"error":{"code":"429","message":"Rate limit is exceeded."}}""", ("Retry-After", "12"), ("apim-request-id", "req-42")));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"ModelId": "custom.model", "Body": {"messages": [{"role": "user", "content": "Q"}]}}"""));

        Assert.Equal("Bedrock.ThrottlingException", outcome.Error!.Error);
        Assert.Equal(
            "Rate limit is exceeded. Retry after 12 seconds. (Service: AmazonBedrockRuntime; Status Code: 429; Error Code: ThrottlingException; Request ID: req-42; Proxy: null)",
            outcome.Error.Cause);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Bedrock.ValidationException")]
    [InlineData(HttpStatusCode.Unauthorized, "Bedrock.AccessDeniedException")]
    [InlineData(HttpStatusCode.Forbidden, "Bedrock.AccessDeniedException")]
    [InlineData(HttpStatusCode.NotFound, "Bedrock.ResourceNotFoundException")]
    [InlineData(HttpStatusCode.InternalServerError, "Bedrock.InternalServerException")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Bedrock.ServiceUnavailableException")]
    public async Task Invoke_ServiceErrors_BedrockNames(HttpStatusCode status, string error)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(status, "not json"));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation("""{"ModelId": "custom.model", "Body": {"messages": []}}"""));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.DoesNotContain("aoai-key-1", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_TimeoutAndUnreachable_ModelTimeoutAndSdkClientException()
    {
        using FakeHttpEndpoint slow = new(FakeHttpEndpoint.Throws(new TaskCanceledException("timeout", new TimeoutException())));
        using FakeHttpEndpoint down = new(FakeHttpEndpoint.Throws(new HttpRequestException("Name or service not known")));
        const string parameters = """{"ModelId": "custom.model", "Body": {"messages": [{"role": "user", "content": "Q"}]}}""";

        TaskOutcome timedOut = await Handler(slow).InvokeAsync(Invocation(parameters));
        TaskOutcome unreachable = await Handler(down).InvokeAsync(Invocation(parameters));

        Assert.Equal("Bedrock.ModelTimeoutException", timedOut.Error!.Error);
        Assert.Equal("Bedrock.SdkClientException", unreachable.Error!.Error);
        Assert.Contains("Name or service not known", unreachable.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"ModelId": "cohere.command-r-v1:0", "Body": {"messages": []}}""", "Bedrock.ResourceNotFoundException")]
    [InlineData("""{"ModelId": "anthropic.claude-3-haiku-20240307-v1:0", "Body": {"messages": [{"role": "user", "content": [{"type": "image"}]}]}}""", "Bedrock.ValidationException")]
    [InlineData("""{"ModelId": "amazon.titan-text-express-v1", "Body": {"prompt": "x"}}""", "Bedrock.ValidationException")]
    [InlineData("""{"ModelId": "custom.model", "Body": "not json"}""", "Bedrock.ValidationException")]
    [InlineData("""{"ModelId": "custom.model", "Body": {}, "ContentType": "text/plain"}""", "Bedrock.ValidationException")]
    [InlineData("""{"ModelId": "custom.model", "Input": {"S3Uri": "s3://b/k"}}""", "States.Runtime")]
    public async Task Invoke_BadRequests_RefusedWithoutCalling(string parameters, string error)
    {
        using FakeHttpEndpoint endpoint = new(_ => FakeHttpEndpoint.Json(HttpStatusCode.OK, Completion));

        TaskOutcome outcome = await Handler(endpoint).InvokeAsync(Invocation(parameters));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Empty(endpoint.Requests);
    }
}
