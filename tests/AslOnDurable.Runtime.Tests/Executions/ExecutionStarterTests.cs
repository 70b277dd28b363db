using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Executions;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace AslOnDurable.Runtime.Tests.Executions;

public sealed class ExecutionStarterTests
{
    private readonly Mock<IExecutionClient> client = new(MockBehavior.Strict);
    private readonly ExecutionStarter starter = new(NullLogger<ExecutionStarter>.Instance);

    [Fact]
    public async Task Start_GivenInstanceId_StartsPingWithThatIdAndInput()
    {
        client.Setup(c => c.StartAsync(OrchestratorNames.Ping, "abc", """{"a":1}""", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        string id = await starter.StartAsync(client.Object, new("""{"a":1}""", "abc", "test"), CancellationToken.None);

        Assert.Equal("abc", id);
        client.VerifyAll();
    }

    [Fact]
    public async Task Start_NoInstanceId_MakesOne()
    {
        client.Setup(c => c.StartAsync(OrchestratorNames.Ping, It.IsAny<string>(), "{}", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        string id = await starter.StartAsync(client.Object, new("{}", null, "test"), CancellationToken.None);

        Assert.Equal(32, id.Length);
        client.Verify(c => c.StartAsync(OrchestratorNames.Ping, id, "{}", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Start_InputNotJson_ThrowsFormatExceptionAndStartsNothing()
    {
        await Assert.ThrowsAsync<FormatException>(() => starter.StartAsync(client.Object, new("{nope", null, "test"), CancellationToken.None));
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task StartFromQueueMessage_EnvelopeWithInputAndId_StartsWithInnerInput()
    {
        client.Setup(c => c.StartAsync(OrchestratorNames.Ping, "q-1", """{"branches":2}""", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        string id = await starter.StartFromQueueMessageAsync(client.Object, """{"instanceId":"q-1","input":{"branches":2}}""", CancellationToken.None);

        Assert.Equal("q-1", id);
        client.VerifyAll();
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"instanceId":"x"}""")]
    public async Task StartFromQueueMessage_Malformed_ThrowsFormatException(string message)
    {
        await Assert.ThrowsAsync<FormatException>(() => starter.StartFromQueueMessageAsync(client.Object, message, CancellationToken.None));
        client.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task StartFromSchedule_SameSlotTwice_UsesSameInstanceId()
    {
        List<string> ids = [];
        client.Setup(c => c.StartAsync(OrchestratorNames.Ping, Capture.In(ids), ExecutionStarter.ScheduledInput, It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        DateTimeOffset due = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        await starter.StartFromScheduleAsync(client.Object, "nightly", due, CancellationToken.None);
        await starter.StartFromScheduleAsync(client.Object, "nightly", due, CancellationToken.None);

        Assert.Equal(["nightly-20260102T030405Z", "nightly-20260102T030405Z"], ids);
    }
}
