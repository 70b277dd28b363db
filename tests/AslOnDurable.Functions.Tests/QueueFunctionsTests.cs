using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Functions.Tests;

public sealed class QueueFunctionsTests
{
    private readonly DurableClientMock client = new();
    private readonly QueueFunctions function = new(new ExecutionStarter(NullLogger<ExecutionStarter>.Instance), NullLogger<QueueFunctions>.Instance);

    [Fact]
    public async Task QueueStart_Envelope_StartsWithInputAndInstanceId()
    {
        await function.QueueStartAsync("""{"instanceId":"from-queue","input":{"branches":0}}""", client.Mock.Object, CancellationToken.None);

        var start = Assert.Single(client.Starts);
        Assert.Equal("from-queue", start.InstanceId);
        Assert.Equal("""{"branches":0}""", start.Input);
    }

    [Fact]
    public async Task QueueStart_Malformed_ThrowsSoTheQueueRetries()
    {
        await Assert.ThrowsAsync<FormatException>(() => function.QueueStartAsync("nope", client.Mock.Object, CancellationToken.None));
        Assert.Empty(client.Starts);
    }
}
