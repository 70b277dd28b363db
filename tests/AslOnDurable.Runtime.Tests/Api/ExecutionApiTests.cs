using System.Text.Json;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Api;

public sealed class ExecutionApiTests
{
    private readonly Mock<IExecutionClient> client = new();
    private readonly ExecutionApi api = new(new ExecutionStarter(NullLogger<ExecutionStarter>.Instance));

    [Fact]
    public async Task Start_JsonBody_Returns202WithInstanceId()
    {
        ApiResponse response = await api.StartAsync(client.Object, """{"branches":1}""", CancellationToken.None);

        Assert.Equal(202, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(response.Body);
        string id = body.RootElement.GetProperty("instanceId").GetString()!;
        client.Verify(c => c.StartAsync(It.IsAny<string>(), id, """{"branches":1}""", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Start_BodyNotJson_Returns400InAwsErrorShape()
    {
        ApiResponse response = await api.StartAsync(client.Object, "{", CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        using JsonDocument body = JsonDocument.Parse(response.Body);
        Assert.Equal("InvalidExecutionInput", body.RootElement.GetProperty("__type").GetString());
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
