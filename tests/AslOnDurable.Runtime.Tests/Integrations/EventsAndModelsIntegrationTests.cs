using System.Net;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Integrations.Identity;
using AslOnDurable.Testing;
using Azure.Core;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>Event Grid (putEvents, sns:publish) and Azure OpenAI (bedrock:invokeModel) through the registry, in memory and durably.</summary>
public sealed class EventsAndModelsIntegrationTests : IDisposable
{
    private const string Input = """{"order":{"id":"o-7","total":12}}""";

    private static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(_ => null).Read("""
        {"eventGrid": {"eventBuses": {"default": {"endpoint": "https://orders.eventgrid.example.com/api/events", "accessKey": "k1"}},
                       "snsTopics": {"alerts": {"endpoint": "https://alerts.eventgrid.example.com/api/events", "accessKey": "k2"}}},
         "azureOpenAI": {"deployments": {"chat": {"endpoint": "https://res.openai.example.com/", "apiKey": "k3"}},
                         "bedrockModels": {"anthropic.claude-3-haiku-20240307-v1:0": "chat"}}}
        """);

    private readonly FakeHttpEndpoint endpoint;
    private int modelCalls;

    public EventsAndModelsIntegrationTests() => endpoint = new(Answer);

    public void Dispose() => endpoint.Dispose();

    private HttpResponseMessage Answer(FakeHttpEndpoint.Recorded request)
    {
        if (!request.Uri.Host.Contains("openai", StringComparison.Ordinal))
        {
            return new HttpResponseMessage(HttpStatusCode.OK);
        }

        return Interlocked.Increment(ref modelCalls) == 1
            ? FakeHttpEndpoint.Json(HttpStatusCode.TooManyRequests, """{"error":{"message":"slow down"}}""", ("Retry-After", "1"))
            : FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"choices":[{"finish_reason":"stop","message":{"role":"assistant","content":"Order o-7: 12."}}],"usage":{"prompt_tokens":5,"completion_tokens":4}}""");
    }

    private TaskHandlerRegistry Registry(IntegrationsConfiguration configuration) =>
        TaskIntegrations.Create(configuration, InMemoryStateMachineRegistry.Empty, endpoint.Client, TimeProvider.System, credentials: new AzureCredentials(_ => throw new InvalidOperationException()));

    [Fact]
    public void RunInMemory_EventsSnsAndThrottledModel_SucceedsAfterRetry()
    {
        ExecutionResult result = EngineRun.Run(
            DefinitionFiles.Read("integrations", "events-and-models"), Input,
            new InMemoryExecutionHost(TimeProvider.System, Registry(Configuration), new InMemoryHostOptions { SkipWaits = true }));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(
            """{"order":{"id":"o-7","total":12},"events":{"failed":0},"sns":{"published":1},"summary":{"text":"Order o-7: 12."}}""",
            result.Output!.ToJsonString());
        Assert.Equal(2, modelCalls);
        Assert.Equal(4, endpoint.Requests.Count);
    }

    [Fact]
    public async Task RunDurable_EventsSnsAndThrottledModel_SucceedsAfterRetry()
    {
        using CancellationTokenSource cts = new(TimeSpan.FromMinutes(2));

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("integrations", "events-and-models"), Input, Registry(Configuration),
            new DurableRunOptions { ExecutionName = $"events-{Guid.NewGuid():N}" }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal("Order o-7: 12.", result.Output!["summary"]!["text"]!.GetValue<string>());
        Assert.Equal(2, modelCalls);
    }

    [Fact]
    public async Task Example_GenerativeAi_NoWarningsAndRunsOnManagedIdentity()
    {
        string examples = Path.GetDirectoryName(Path.GetDirectoryName(DefinitionFiles.PathOf("integrations", "x")))! + "/../../examples/";
        IntegrationsConfiguration configuration = IntegrationsSettings.ReadFile(examples + "generative-ai.integrations.json", _ => null);
        string definition = File.ReadAllText(examples + "generative-ai.asl.json");
        Mock<TokenCredential> credential = new(MockBehavior.Strict);
        credential.Setup(c => c.GetTokenAsync(It.Is<TokenRequestContext>(r => r.Scopes.Single() == "https://cognitiveservices.azure.com/.default"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("mi-token", DateTimeOffset.MaxValue));
        int calls = 0;
        using FakeHttpEndpoint openAI = new(request => Interlocked.Increment(ref calls) switch
        {
            1 => FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"choices":[{"finish_reason":"stop","message":{"content":" Billing "}}]}"""),
            2 => FakeHttpEndpoint.Json(HttpStatusCode.TooManyRequests, "{}", ("retry-after", "3")),
            _ => FakeHttpEndpoint.Json(HttpStatusCode.OK, """{"choices":[{"finish_reason":"stop","message":{"content":"Sorry! Refunded."}}]}"""),
        });
        TaskHandlerRegistry registry = TaskIntegrations.Create(
            configuration, InMemoryStateMachineRegistry.Empty, openAI.Client, TimeProvider.System, credentials: new AzureCredentials(_ => credential.Object));

        IReadOnlyList<Diagnostic> warnings = IntegrationDiagnostics.Check(DefinitionParser.Parse(definition).Definition!, registry, configuration);
        ExecutionPlan plan = ExecutionPlan.FromText(definition, new JsonataLibraryEvaluator(), out string? problem) ?? throw new InvalidOperationException(problem);
        ExecutionResult result = await new Interpreter(plan).RunAsync(
            new ExecutionRequest { Input = JsonNode.Parse(File.ReadAllText(examples + "generative-ai.input.json")), Name = "exec-1", StateMachineName = "support" },
            new InMemoryExecutionHost(TimeProvider.System, registry, new InMemoryHostOptions { SkipWaits = true }),
            new ExecutionOptions());

        Assert.Empty(warnings);
        Assert.True(result.Status == ExecutionStatus.Succeeded, result.Error?.Error + ": " + result.Error?.Cause);
        Assert.Equal("billing", result.Output!["category"]!.GetValue<string>());
        Assert.Equal("Sorry! Refunded.", result.Output["reply"]!.GetValue<string>());
        Assert.Equal(3, calls);
        Assert.All(openAI.Requests, r => Assert.Equal("Bearer mi-token", r.Headers["Authorization"]));
        Assert.Contains("/deployments/gpt-4o/", openAI.Requests.Last().Uri.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains("for the billing team", openAI.Requests.Last().Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnconfiguredBusTopicModelAndDeployment_WarnsAndFailsWithAwsErrors()
    {
        const string definition = """
            {"StartAt":"Put","States":{
              "Put":{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[{"Source":"s","DetailType":"t","Detail":{}}]},
                "Catch":[{"ErrorEquals":["EventBridge.FailedEntry"],"ResultPath":"$.events","Next":"Publish"}],"Next":"Publish"},
              "Publish":{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:1:alerts","Message":"m"},
                "Catch":[{"ErrorEquals":["SNS.NotFoundException"],"ResultPath":"$.sns","Next":"Ask"}],"Next":"Ask"},
              "Ask":{"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel","Parameters":{"ModelId":"anthropic.claude-v2","Body":{"messages":[]}},
                "Catch":[{"ErrorEquals":["Bedrock.ResourceNotFoundException"],"ResultPath":"$.bedrock","Next":"Chat"}],"Next":"Chat"},
              "Chat":{"Type":"Task","Resource":"arn:azure:states:::openai:chatCompletions","Parameters":{"Deployment":"gpt","Body":{"messages":[]}},
                "Catch":[{"ErrorEquals":["OpenAI.ResourceNotFoundException"],"ResultPath":"$.openai","Next":"Done"}],"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """;
        TaskHandlerRegistry registry = Registry(IntegrationsConfiguration.Empty);

        IReadOnlyList<Diagnostic> warnings = IntegrationDiagnostics.Check(DefinitionParser.Parse(definition).Definition!, registry, IntegrationsConfiguration.Empty);
        ExecutionResult result = EngineRun.Run(definition, "{}", new InMemoryExecutionHost(TimeProvider.System, registry, new InMemoryHostOptions()));

        Assert.Equal(4, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(IntegrationDiagnostics.UnconfiguredResource, w.Code));
        Assert.Contains("eventGrid.eventBuses", warnings[0].Message, StringComparison.Ordinal);
        Assert.Contains("eventGrid.snsTopics", warnings[1].Message, StringComparison.Ordinal);
        Assert.Contains("azureOpenAI.bedrockModels", warnings[2].Message, StringComparison.Ordinal);
        Assert.Contains("azureOpenAI.deployments", warnings[3].Message, StringComparison.Ordinal);
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["events", "sns", "bedrock", "openai"], result.Output!.AsObject().Select(p => p.Key));
        Assert.Empty(endpoint.Requests);
    }
}
