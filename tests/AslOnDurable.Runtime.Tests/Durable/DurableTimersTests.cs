using AslOnDurable.Runtime.Durable;
using Microsoft.DurableTask;
using Moq;

namespace AslOnDurable.Runtime.Tests.Durable;

public sealed class DurableTimersTests
{
    private static readonly DateTime FireAt = new(2026, 1, 1, 0, 0, 10, DateTimeKind.Utc);

    [Fact]
    public async Task WaitUntil_TimerFiresOnTime_CreatesOneTimer()
    {
        Mock<TaskOrchestrationContext> context = new();
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        context.SetupGet(c => c.CurrentUtcDateTime).Returns(FireAt);

        await DurableTimers.WaitUntilAsync(context.Object, FireAt, CancellationToken.None);

        context.Verify(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task WaitUntil_TimerFiresEarly_RearmsOneSecondPastDueTime()
    {
        Mock<TaskOrchestrationContext> context = new();
        context.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        context.SetupSequence(c => c.CurrentUtcDateTime)
            .Returns(FireAt.AddMilliseconds(-600))
            .Returns(FireAt.AddMilliseconds(700));

        await DurableTimers.WaitUntilAsync(context.Object, FireAt, CancellationToken.None);

        context.Verify(c => c.CreateTimer(FireAt, It.IsAny<CancellationToken>()), Times.Once);
        context.Verify(c => c.CreateTimer(FireAt.AddSeconds(1), It.IsAny<CancellationToken>()), Times.Once);
    }
}
