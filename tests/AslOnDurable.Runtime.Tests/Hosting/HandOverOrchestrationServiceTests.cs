using AslOnDurable.Runtime.Hosting;
using DurableTask.Core;
using Moq;
using Xunit;

namespace AslOnDurable.Runtime.Tests.Hosting;

public sealed class HandOverOrchestrationServiceTests
{
    private static readonly TimeSpan Receive = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task HandOver_ActivityStillRunning_AbandonedAndItsLateResultDropped()
    {
        Mock<IOrchestrationService> inner = new();
        TaskActivityWorkItem running = new() { Id = "a1" };
        inner.Setup(s => s.LockNextTaskActivityWorkItem(Receive, It.IsAny<CancellationToken>())).ReturnsAsync(running);
        HandOverOrchestrationService service = new(inner.Object);
        TaskActivityWorkItem locked = await service.LockNextTaskActivityWorkItem(Receive, CancellationToken.None);

        int abandoned = await service.HandOverAsync(TimeSpan.Zero, TimeSpan.Zero);
        await service.CompleteTaskActivityWorkItemAsync(locked, new TaskMessage());

        Assert.Equal(1, abandoned);
        inner.Verify(s => s.AbandonTaskActivityWorkItemAsync(running), Times.Once);
        inner.Verify(s => s.CompleteTaskActivityWorkItemAsync(It.IsAny<TaskActivityWorkItem>(), It.IsAny<TaskMessage>()), Times.Never);
    }

    [Fact]
    public async Task HandOver_ActivityFinishedInTime_CompletedNotAbandoned()
    {
        Mock<IOrchestrationService> inner = new();
        TaskActivityWorkItem running = new() { Id = "a1" };
        inner.Setup(s => s.LockNextTaskActivityWorkItem(Receive, It.IsAny<CancellationToken>())).ReturnsAsync(running);
        HandOverOrchestrationService service = new(inner.Object);
        TaskActivityWorkItem locked = await service.LockNextTaskActivityWorkItem(Receive, CancellationToken.None);
        TaskMessage response = new();

        await service.CompleteTaskActivityWorkItemAsync(locked, response);
        int abandoned = await service.HandOverAsync(TimeSpan.Zero, TimeSpan.Zero);

        Assert.Equal(0, abandoned);
        inner.Verify(s => s.CompleteTaskActivityWorkItemAsync(running, response), Times.Once);
        inner.Verify(s => s.AbandonTaskActivityWorkItemAsync(It.IsAny<TaskActivityWorkItem>()), Times.Never);
    }

    [Fact]
    public async Task BeginHandOver_ActivityLockedAfterward_GivenBackAtOnce()
    {
        Mock<IOrchestrationService> inner = new();
        TaskActivityWorkItem late = new() { Id = "a2" };
        TaskCompletionSource<TaskActivityWorkItem> fetch = new(TaskCreationOptions.RunContinuationsAsynchronously);
        inner.Setup(s => s.LockNextTaskActivityWorkItem(Receive, It.IsAny<CancellationToken>())).Returns(fetch.Task);
        HandOverOrchestrationService service = new(inner.Object);

        Task<TaskActivityWorkItem> locking = service.LockNextTaskActivityWorkItem(Receive, CancellationToken.None);
        service.BeginHandOver();
        fetch.SetResult(late);

        Assert.Null(await locking);
        inner.Verify(s => s.AbandonTaskActivityWorkItemAsync(late), Times.Once);
    }
}
