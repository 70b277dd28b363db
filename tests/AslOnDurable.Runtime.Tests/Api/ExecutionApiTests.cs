using System.Text.Json;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class ExecutionApiTests
{
    private const string Definition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";

    private readonly Mock<IExecutionClient> client = new();
    private readonly ExecutionApi api = new(new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance));

    [Fact]
    public async Task Start_DefinitionAndInput_Returns202WithInstanceIdOfStateMachineExecution()
    {
        ApiResponse response = await api.StartAsync(client.Object, """{"definition":""" + Definition + ""","input":{"a":1}}""", CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(response.Body);
        string id = body.RootElement.GetProperty("instanceId").GetString()!;
        client.Verify(c => c.StartAsync(OrchestratorNames.StateMachine, id, It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("{", "InvalidRequest")]
    [InlineData("""{"input":{}}""", "InvalidRequest")]
    [InlineData("""{"definition":{"StartAt":"X","States":{}}}""", "InvalidDefinition")]
    public async Task Start_BadRequest_Returns400InAwsErrorShape(string request, string errorType)
    {
        ApiResponse response = await api.StartAsync(client.Object, request, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(response.Body);
        Assert.Equal(errorType, body.RootElement.GetProperty("__type").GetString());
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Describe_Unknown_Returns404()
    {
        client.Setup(c => c.GetAsync("x", It.IsAny<CancellationToken>())).ReturnsAsync((ExecutionSnapshot?)null);

        ApiResponse response = await ExecutionApi.DescribeAsync(client.Object, "x", CancellationToken.None);

        Assert.Equal(404, response.StatusCode);
        Assert.Contains("ExecutionDoesNotExist", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Describe_Completed_EmbedsInputAndOutputAsJson()
    {
        DateTimeOffset at = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        client.Setup(c => c.GetAsync("x", It.IsAny<CancellationToken>())).ReturnsAsync(
            new ExecutionSnapshot("x", "Orch", ExecutionRuntimeStatus.Completed, at, at) { InputJson = """{"a":1}""", OutputJson = "[1]" });

        ApiResponse response = await ExecutionApi.DescribeAsync(client.Object, "x", CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(response.Body);
        Assert.Equal("Completed", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(1, body.RootElement.GetProperty("input").GetProperty("a").GetInt32());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("output").ValueKind);
    }
}
