using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.DotNet;
using AslOnDurable.Runtime.Integrations.Lambda;
using AslOnDurable.Core.Engine.StateMachines;

namespace AslOnDurable.Runtime.Tests.Integrations.Lambda;

public sealed class LambdaTaskHandlerTests : IDisposable
{
    private readonly HttpMessageInvoker client = TaskIntegrations.CreateHttpClient();
    private readonly LocalHttpServer server = new(request => request.PathAndQuery.StartsWith("/api/Fail", StringComparison.Ordinal)
        ? new(500, """{"errorType":"OrderRejected","errorMessage":"out of stock"}""")
        : request.PathAndQuery.StartsWith("/api/Down", StringComparison.Ordinal)
        ? new(503, "busy", ContentType: "text/plain")
        : new(200, request.Body));

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }

    private LambdaTaskHandler Handler() => new(
        new IntegrationsConfigurationReader(_ => null).Read(
            """{"functions": {"Echo": {"url": "URL/api/Echo", "functionKey": "fk-1", "allowPrivateNetwork": true}, "Fail": {"url": "URL/api/Fail", "allowPrivateNetwork": true}, "Down": {"url": "URL/api/Down", "allowPrivateNetwork": true}, "Alias": {"handler": "Double"}}}"""
                .Replace("URL", server.Url("").TrimEnd('/'), StringComparison.Ordinal)),
        new DotNetHandlers([new DoubleHandler(), new ThrowingHandler()]),
        client,
        TimeProvider.System);

    private static TaskInvocation Invocation(string resource, string input) =>
        new() { StateName = "T", Resource = resource, Input = JsonNode.Parse(input), ExecutionId = "arn:execution" };

    [Fact]
    public async Task Invoke_BareArnToHttpFunction_ReturnsPayloadAndSendsKey()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation("arn:aws:lambda:us-east-1:123456789012:function:Echo", """{"a":1}"""));

        Assert.Equal("""{"a":1}""", outcome.Result!.ToJsonString());
        Assert.Equal("fk-1", Assert.Single(server.Requests).Headers["x-functions-key"]);
    }

    [Fact]
    public async Task Invoke_LambdaInvokeToHandler_ReturnsAwsShape()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation(LambdaTaskHandler.InvokeResource, """{"FunctionName":"Double","Payload":{"n":21}}"""));

        JsonObject result = outcome.Result!.AsObject();
        Assert.Equal(["ExecutedVersion", "Payload", "SdkHttpMetadata", "SdkResponseMetadata", "StatusCode"], result.Select(p => p.Key));
        Assert.Equal("""{"n":42}""", result["Payload"]!.ToJsonString());
        Assert.Equal(200, result["StatusCode"]!.GetValue<int>());
        Assert.Equal("$LATEST", result["SdkHttpMetadata"]!["HttpHeaders"]!["X-Amz-Executed-Version"]!.GetValue<string>());
        Assert.Equal(result["SdkResponseMetadata"]!["RequestId"]!.GetValue<string>(), result["SdkHttpMetadata"]!["AllHttpHeaders"]!["x-amzn-RequestId"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Invoke_ConfiguredAliasToHandler_Runs()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation("arn:aws:lambda:eu-west-1:123456789012:function:Alias", """{"n":2}"""));

        Assert.Equal("""{"n":4}""", outcome.Result!.ToJsonString());
    }

    [Fact]
    public async Task Invoke_HandlerThrows_ErrorIsExceptionTypeName()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation("arn:aws:lambda:us-east-1:123456789012:function:Throw", "{}"));

        Assert.Equal("InvalidOperationException", outcome.Error!.Error);
        Assert.Equal("no can do", outcome.Error.Cause);
    }

    [Fact]
    public async Task Invoke_FunctionError_ErrorTypeAndDocumentAsCause()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation(LambdaTaskHandler.InvokeResource, """{"FunctionName":"Fail","Payload":{}}"""));

        Assert.Equal("OrderRejected", outcome.Error!.Error);
        Assert.Contains("out of stock", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Down", "Lambda.ServiceException")]
    [InlineData("Nope", "Lambda.ResourceNotFoundException")]
    public async Task Invoke_HostFailsOrUnknown_AwsServiceErrors(string function, string error)
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation(LambdaTaskHandler.InvokeResource, $$"""{"FunctionName":"{{function}}"}"""));

        Assert.Equal(error, outcome.Error!.Error);
        Assert.Contains("(Service: AWSLambda; Status Code:", outcome.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_UnreachableHost_SdkClientException()
    {
        LambdaTaskHandler handler = new(
            new IntegrationsConfigurationReader(_ => null).Read("""{"functions": {"Gone": {"url": "http://127.0.0.1:PORT/api/Gone", "allowPrivateNetwork": true}}}""".Replace("PORT", LocalHttpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)),
            DotNetHandlers.None, client, TimeProvider.System);

        TaskOutcome outcome = await handler.InvokeAsync(Invocation("arn:aws:lambda:us-east-1:123456789012:function:Gone", "{}"));

        Assert.Equal("Lambda.SdkClientException", outcome.Error!.Error);
    }

    [Fact]
    public async Task Invoke_WaitForTaskToken_AwaitsCallbackAfterInvoking()
    {
        TaskOutcome outcome = await Handler().InvokeAsync(Invocation(LambdaTaskHandler.InvokeResource + ".waitForTaskToken", """{"FunctionName":"Echo","Payload":{"token":"t"}}"""));

        Assert.True(outcome.IsAwaitingCallback);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task RunDurable_BareArnHandler_RunsAsActivity()
    {
        using CancellationTokenSource cts = new(TimeSpan.FromMinutes(2));
        var registry = TaskIntegrations.Create(IntegrationsConfiguration.Empty, InMemoryStateMachineRegistry.Empty, client, TimeProvider.System, new DotNetHandlers([new DoubleHandler(), new ThrowingHandler()]));
        const string definition = """
            {"StartAt":"D","States":{"D":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Double","Next":"T"},
              "T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:Throw",
                   "Catch":[{"ErrorEquals":["InvalidOperationException"],"ResultPath":"$.error","Next":"Done"}],"End":true},
              "Done":{"Type":"Pass","End":true}}}
            """;

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(definition, """{"n":5}""", registry, new DurableRunOptions { ExecutionName = $"lambda-{Guid.NewGuid():N}" }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("""{"n":10,"error":{"Error":"InvalidOperationException","Cause":"no can do"}}""", result.Output!.ToJsonString());
    }

    private sealed class DoubleHandler : IAslTaskHandler
    {
        public string Name => "Double";

        public Task<JsonNode?> InvokeAsync(JsonNode? input, AslTaskContext context, CancellationToken cancellationToken) =>
            Task.FromResult<JsonNode?>(new JsonObject { ["n"] = input!["n"]!.GetValue<int>() * 2 });
    }

    private sealed class ThrowingHandler : IAslTaskHandler
    {
        public string Name => "Throw";

        public Task<JsonNode?> InvokeAsync(JsonNode? input, AslTaskContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("no can do");
    }
}
