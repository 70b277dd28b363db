using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;
using Moq;

namespace AslOnDurable.Functions.Tests;

public sealed class OrchestratorFunctionTests
{
    [Fact]
    public async Task RunPing_TwoBranches_CallsPingActivityTwiceAndReturnsReplies()
    {
        DateTime now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Mock<TaskOrchestrationContext> context = new();
        context.Setup(c => c.GetInput<string>()).Returns(DurableJson.Serialize(new PingInput(2, 0)));
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(now);
        context.Setup(c => c.CallActivityAsync<string>(new TaskName(ActivityNames.Ping), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns((TaskName _, object? input, TaskOptions? _) => Task.FromResult(PingActivity.Answer((string)input!)));

        string output = await OrchestratorFunction.RunPingAsync(context.Object);

        PingResult result = DurableJson.Deserialize<PingResult>(output);
        Assert.Equal([0, 1], result.Replies.Select(r => r.Index));
        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
