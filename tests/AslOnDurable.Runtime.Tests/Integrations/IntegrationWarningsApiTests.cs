using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Runtime.Observability;
using AslOnDurable.Runtime.Tests.Api;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>
/// Resources the host's integrations cannot serve, through the API: WARNING diagnostics of ValidateStateMachineDefinition,
/// warnings logged by CreateStateMachine and UpdateStateMachine (whose AWS responses have no warnings field).
/// </summary>
public sealed class IntegrationWarningsApiTests : IAsyncLifetime
{
    private const string Served = """
        {"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
          "Parameters":{"ApiEndpoint":"https://api.example.com","Method":"GET","Authentication":{"ConnectionArn":"items-api"}},"End":true}}}
        """;

    private const string Unserved = """
        {"StartAt":"Glue","States":{
          "Glue":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","Parameters":{"JobName":"j"},"Next":"Call"},
          "Call":{"Type":"Task","Resource":"arn:aws:states:::http:invoke",
            "Parameters":{"ApiEndpoint":"https://api.example.com","Method":"GET","Authentication":{"ConnectionArn":"other-api"}},"End":true}}}
        """;

    private readonly ConcurrentQueue<string> warnings = new();
    private StepFunctionsSelfHost host = null!;

    public async Task InitializeAsync()
    {
        Mock<ILogger> logger = new();
        logger.Setup(l => l.IsEnabled(It.IsAny<LogLevel>())).Returns(true);
        logger.Setup(l => l.Log(LogLevel.Warning, It.IsAny<EventId>(), It.IsAny<It.IsAnyType>(), It.IsAny<Exception?>(), It.IsAny<Func<It.IsAnyType, Exception?, string>>()))
            .Callback(new InvocationAction(call => warnings.Enqueue(call.Arguments[2].ToString()!)));
        Mock<ILoggerFactory> loggers = new();
        loggers.Setup(f => f.CreateLogger(TelemetryNames.DefinitionWarningsCategory)).Returns(logger.Object);
        loggers.Setup(f => f.CreateLogger(It.Is<string>(c => c != TelemetryNames.DefinitionWarningsCategory))).Returns(NullLogger.Instance);
        host = await IntegrationsSelfHost.StartAsync(
            """{"connections": {"items-api": {"authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": "k-secret-1"}}}}""", loggers.Object);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Validate_SeverityWarning_UnservedResourceAndConnectionAreWarningsAndResultOk()
    {
        JsonObject answer = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = Unserved, ["severity"] = "WARNING" });

        Assert.Equal("OK", (string?)answer["result"]);
        JsonArray diagnostics = answer["diagnostics"]!.AsArray();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("WARNING", (string?)d!["severity"]));
        Assert.All(diagnostics, d => Assert.Equal(IntegrationDiagnostics.UnconfiguredResource, (string?)d!["code"]));
        Assert.Equal("/States/Glue/Resource", (string?)diagnostics[0]!["location"]);
        Assert.Equal("/States/Call/Parameters/Authentication/ConnectionArn", (string?)diagnostics[1]!["location"]);
    }

    [Fact]
    public async Task Validate_DefaultSeverityError_WarningsAreNotShown()
    {
        JsonObject answer = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = Unserved });

        Assert.Equal("OK", (string?)answer["result"]);
        Assert.Empty(answer["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Validate_ActivityTask_NoWarningBecauseTheApiServesActivities()
    {
        const string definition = """
            {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:packer","End":true}}}
            """;

        JsonObject answer = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition, ["severity"] = "WARNING" });

        Assert.Empty(answer["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task Validate_ServedDefinition_NoWarnings()
    {
        JsonObject answer = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = Served, ["severity"] = "WARNING" });

        Assert.Empty(answer["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task CreateThenUpdate_UnservedResources_AcceptedAndEachWarningLoggedWithTheStateMachine()
    {
        string machine = (string)(await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "served-" + Guid.NewGuid().ToString("N")[..8], ["definition"] = Served, ["roleArn"] = ApiTestCalls.Role,
        }))["stateMachineArn"]!;
        Assert.Empty(warnings);

        await host.OkAsync("UpdateStateMachine", new JsonObject { ["stateMachineArn"] = machine, ["definition"] = Unserved });

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.StartsWith($"State machine {machine}: UNCONFIGURED_RESOURCE at /States/", w, StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("glue:startJobRun", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("other-api", StringComparison.Ordinal));
        Assert.All(warnings, w => Assert.DoesNotContain("k-secret-1", w, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_UnservedResource_Logged()
    {
        await host.OkAsync("CreateStateMachine", new JsonObject
        {
            ["name"] = "unserved-" + Guid.NewGuid().ToString("N")[..8], ["definition"] = Unserved, ["roleArn"] = ApiTestCalls.Role,
        });

        Assert.Equal(2, warnings.Count);
    }

    [Fact]
    public async Task Create_HttpTaskSync_InvalidDefinitionAsAwsWordsIt()
    {
        const string Resource = "arn:aws:states:::http:invoke.sync";
        string definition = """{"StartAt":"Call","States":{"Call":{"Type":"Task","Resource":"RESOURCE","End":true}}}""".Replace("RESOURCE", Resource, StringComparison.Ordinal);

        JsonObject error = await host.ErrorAsync(
            "CreateStateMachine", new JsonObject { ["name"] = "http-pattern", ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role }, "InvalidDefinition");

        Assert.Equal(
            $"Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The resource provided {Resource} is not recognized. The value is not a valid resource ARN, or the resource is not available in this region. at /States/Call/Resource'",
            (string?)error["message"]);
    }

    [Fact]
    public async Task Validate_HttpTaskWaitForTaskToken_ExtensionWarningBesideTheConnectionsAndCreateAccepted()
    {
        string definition = Served
            .Replace("http:invoke\"", "http:invoke.waitForTaskToken\"", StringComparison.Ordinal)
            .Replace("items-api", "other-api", StringComparison.Ordinal);

        JsonObject answer = await host.OkAsync("ValidateStateMachineDefinition", new JsonObject { ["definition"] = definition, ["severity"] = "WARNING" });
        JsonObject created = await host.OkAsync(
            "CreateStateMachine", new JsonObject { ["name"] = "http-callback", ["definition"] = definition, ["roleArn"] = ApiTestCalls.Role });

        Assert.Equal("OK", (string?)answer["result"]);
        JsonArray diagnostics = answer["diagnostics"]!.AsArray();
        Assert.Equal(2, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("WARNING", (string?)d!["severity"]));
        Assert.Equal("ASLONDURABLE_EXTENSION", (string?)diagnostics[0]!["code"]);
        Assert.Equal("/States/Call/Resource", (string?)diagnostics[0]!["location"]);
        Assert.Equal(IntegrationDiagnostics.UnconfiguredResource, (string?)diagnostics[1]!["code"]);
        Assert.Equal("/States/Call/Parameters/Authentication/ConnectionArn", (string?)diagnostics[1]!["location"]);
        Assert.NotNull(created["stateMachineArn"]);
    }
}
