using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Functions.Tests;

public sealed class QueueFunctionsTests
{
    private readonly DurableClientMock client = new();
    private readonly QueueFunctions function = new(
        new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance),
        new ServiceCollection().AddStepFunctionsApi().BuildServiceProvider().GetRequiredService<RegisteredMachineStarts>(),
        NullLogger<QueueFunctions>.Instance);

    [Fact]
    public async Task QueueStart_Envelope_StartsStateMachineWithDefinitionInputAndName()
    {
        await function.QueueStartAsync(
            """{"name":"from-queue","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"input":{"branches":0}}""",
            "message-1",
            client.Mock.Object,
            CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal(OrchestratorNames.StateMachine, start.Name);
        Assert.Equal("from-queue", start.InstanceId);
        StateMachineInput payload = DurableJson.Deserialize<StateMachineInput>(start.Input!);
        Assert.Equal("""{"branches":0}""", payload.Input!.ToJsonString());
    }

    [Fact]
    public async Task QueueStart_Malformed_ThrowsSoTheQueueRetries()
    {
        await Assert.ThrowsAnyAsync<FormatException>(() => function.QueueStartAsync("nope", "message-2", client.Mock.Object, CancellationToken.None));
        Assert.Empty(client.Starts);
    }

    [Fact]
    public async Task QueueStart_NamesAnUnknownMachine_PoisonRecordWithTheReasonAndNothingStarted()
    {
        string? poison = await function.QueueStartAsync("""{"stateMachineName":"nobody","input":{}}""", "message-3", client.Mock.Object, CancellationToken.None);

        Assert.Empty(client.Starts);
        JsonNode record = JsonNode.Parse(poison!)!;
        Assert.Contains("StateMachineDoesNotExist", (string?)record["reason"], StringComparison.Ordinal);
        Assert.Equal("message-3", (string?)record["messageId"]);
    }

    [Fact]
    public async Task QueueStart_Definition_NoPoisonRecord()
    {
        string? poison = await function.QueueStartAsync(
            """{"definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}""", "message-4", client.Mock.Object, CancellationToken.None);

        Assert.Null(poison);
        Assert.Single(client.Starts);
    }
}
