using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.StateMachines;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Parsing;
using AslOnDurable.Core.Validation;
using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Integrations;
using AslOnDurable.Testing;

namespace AslOnDurable.Runtime.Tests.Integrations;

/// <summary>The integrations registry end to end: in memory and on the durable self-host, against a local HTTP server.</summary>
public sealed class TaskIntegrationsTests : IDisposable
{
    private static readonly IntegrationsConfiguration Configuration = new IntegrationsConfigurationReader(_ => null).Read("""
        {"connections": {"items-api": {"authorization": {"type": "API_KEY", "apiKeyName": "x-api-key", "apiKeyValue": "k-123"}, "allowPrivateNetwork": true}}}
        """);

    private readonly LocalHttpServer server = new(request => request.PathAndQuery.EndsWith("id=7", StringComparison.Ordinal)
        ? new(200, """{"id":7,"name":"lamp"}""")
        : new(404, """{"message":"no such item"}"""));

    private readonly HttpMessageInvoker client = TaskIntegrations.CreateHttpClient();

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }

    private TaskHandlerRegistry Registry() => TaskIntegrations.Create(Configuration, InMemoryStateMachineRegistry.Empty, client, TimeProvider.System);

    private string Input(int id) => new JsonObject { ["url"] = server.Url("/items"), ["id"] = id }.ToJsonString();

    [Theory]
    [InlineData(7, """{"status":200,"item":{"id":7,"name":"lamp"}}""")]
    [InlineData(8, """{"missing":8,"error":"States.Http.StatusCode.404"}""")]
    public void RunInMemory_HttpTask_ResultOrCaughtStatusError(int id, string expected)
    {
        ExecutionResult result = EngineRun.Run(
            DefinitionFiles.Read("integrations", "http-invoke"), Input(id), new InMemoryExecutionHost(TimeProvider.System, Registry(), new InMemoryHostOptions()));

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!.ToJsonString());
    }

    [Theory]
    [InlineData(7, """{"status":200,"item":{"id":7,"name":"lamp"}}""")]
    [InlineData(8, """{"missing":8,"error":"States.Http.StatusCode.404"}""")]
    public async Task RunDurable_HttpTask_ResultOrCaughtStatusError(int id, string expected)
    {
        using CancellationTokenSource cts = new(TimeSpan.FromMinutes(2));

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("integrations", "http-invoke"), Input(id), Registry(), new DurableRunOptions { ExecutionName = $"http-{Guid.NewGuid():N}" }, cts.Token);

        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(expected, result.Output!.ToJsonString());
        Assert.All(server.Requests, r => Assert.Equal("k-123", r.Headers["x-api-key"]));
    }

    [Fact]
    public async Task RunDurable_UnconfiguredConnection_FailsWithRuntimeAndNoSecretInCause()
    {
        using CancellationTokenSource cts = new(TimeSpan.FromMinutes(2));
        TaskHandlerRegistry registry = TaskIntegrations.Create(IntegrationsConfiguration.Empty, InMemoryStateMachineRegistry.Empty, client, TimeProvider.System);

        ExecutionResult result = await DurableStateMachineRunner.RunAsync(
            DefinitionFiles.Read("integrations", "http-invoke"), Input(7), registry, new DurableRunOptions { ExecutionName = $"http-{Guid.NewGuid():N}" }, cts.Token);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("States.Runtime", result.Error!.Error);
        Assert.Contains("items-api", result.Error.Cause, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public void RunInMemory_UnknownResource_FailsWithRuntimeNamingIt()
    {
        const string definition = """{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","End":true}}}""";

        ExecutionResult result = EngineRun.Run(definition, "{}", new InMemoryExecutionHost(TimeProvider.System, Registry(), new InMemoryHostOptions()));

        Assert.Equal("States.Runtime", result.Error!.Error);
        Assert.Contains("glue:startJobRun", result.Error.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_UnservedResourceAndUnknownConnection_WarnsWithLocations()
    {
        StateMachineDefinitionText definition = new("""
            {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"Glue","States":{
              "Glue":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun","Next":"Http"},
              "Http":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"https://x.example.com","Method":"GET",
                "Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/other/1"}},"Next":"Known"},
              "Known":{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"ApiEndpoint":"https://x.example.com","Method":"GET",
                "Authentication":{"ConnectionArn":"items-api"}},"End":true}}}]}}}
            """);

        IReadOnlyList<Diagnostic> warnings = IntegrationDiagnostics.Check(definition.Parsed, Registry(), Configuration);

        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.Contains("glue:startJobRun", warnings[0].Message, StringComparison.Ordinal);
        Assert.EndsWith("/Resource", warnings[0].Location, StringComparison.Ordinal);
        Assert.EndsWith("/Parameters/Authentication/ConnectionArn", warnings[1].Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_StorageResourcesWithoutStorage_WarnsAndFailsAtRunTimeWithAwsErrors()
    {
        StateMachineDefinitionText definition = new("""
            {"StartAt":"Get","States":{
              "Get":{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","Parameters":{"Bucket":"b-1","Key":"k"},
                "Catch":[{"ErrorEquals":["S3.SdkClientException"],"ResultPath":"$.s3","Next":"Send"}],"Next":"Send"},
              "Send":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"q-1","MessageBody":"x"},
                "Catch":[{"ErrorEquals":["SQS.SdkClientException"],"ResultPath":"$.sqs","Next":"Put"}],"Next":"Put"},
              "Put":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"TableName":"Orders","Item":{"id":{"S":"1"}}},
                "Catch":[{"ErrorEquals":["DynamoDB.SdkClientException"],"ResultPath":"$.ddb","Next":"Done"}],"Next":"Done"},
              "Done":{"Type":"Pass","End":true}}}
            """);

        IReadOnlyList<Diagnostic> warnings = IntegrationDiagnostics.Check(definition.Parsed, Registry(), Configuration);
        ExecutionResult result = EngineRun.Run(definition.Json, "{}", new InMemoryExecutionHost(TimeProvider.System, Registry(), new InMemoryHostOptions()));

        Assert.Equal(3, warnings.Count);
        Assert.All(warnings, w => Assert.Equal(IntegrationDiagnostics.UnconfiguredResource, w.Code));
        Assert.All(warnings, w => Assert.Contains("no storage account is configured", w.Message, StringComparison.Ordinal));
        Assert.Equal(ExecutionStatus.Succeeded, result.Status);
        Assert.Equal(["s3", "sqs", "ddb"], result.Output!.AsObject().Select(p => p.Key));
    }

    private sealed record StateMachineDefinitionText(string Json)
    {
        public Core.Model.StateMachineDefinition Parsed => DefinitionParser.Parse(Json).Definition!;
    }
}
