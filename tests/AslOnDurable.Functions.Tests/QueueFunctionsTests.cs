using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Functions.Tests;

public sealed class QueueFunctionsTests
{
    private readonly DurableClientMock client = new();
    private readonly QueueFunctions function = new(new ExecutionStarter(new ExecutionPlanCache(), NullLogger<ExecutionStarter>.Instance), NullLogger<QueueFunctions>.Instance);

    [Fact]
    public async Task QueueStart_Envelope_StartsStateMachineWithDefinitionInputAndName()
    {
        await function.QueueStartAsync(
            """{"name":"from-queue","definition":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"input":{"branches":0}}""",
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
        await Assert.ThrowsAnyAsync<FormatException>(() => function.QueueStartAsync("nope", client.Mock.Object, CancellationToken.None));
        Assert.Empty(client.Starts);
    }
}
