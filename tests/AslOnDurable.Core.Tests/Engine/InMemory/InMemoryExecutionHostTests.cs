using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.InMemory;
using AslOnDurable.Core.Engine.Tasks;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace AslOnDurable.Core.Tests.Engine.InMemory;

public sealed class InMemoryExecutionHostTests
{
    [Fact]
    public void WaitUntilAsync_SkipWaits_CompletesAtOnceAndMovesVirtualClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var host = new InMemoryExecutionHost(clock, TaskHandlerRegistry.Empty, new InMemoryHostOptions { SkipWaits = true });

        var wait = host.WaitUntilAsync(clock.GetUtcNow().AddHours(1));

        Assert.True(wait.IsCompletedSuccessfully);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 1, 0, 0, TimeSpan.Zero), host.UtcNow);
    }

    [Fact]
    public async Task WaitUntilAsync_RealTime_CompletesWhenClockAdvances()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var host = new InMemoryExecutionHost(clock, TaskHandlerRegistry.Empty);

        var wait = host.WaitUntilAsync(clock.GetUtcNow().AddSeconds(10));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(10));

        await wait;
        Assert.True(wait.IsCompleted);
    }

    [Fact]
    public void NextRandom_Seeded_IsReproducible()
    {
        var a = new InMemoryExecutionHost(TimeProvider.System, TaskHandlerRegistry.Empty, new InMemoryHostOptions { RandomSeed = 7 });
        var b = new InMemoryExecutionHost(TimeProvider.System, TaskHandlerRegistry.Empty, new InMemoryHostOptions { RandomSeed = 7 });

        Assert.Equal(a.NextRandom(), b.NextRandom());
        Assert.Equal(a.NewGuid(), b.NewGuid());
    }

    [Fact]
    public async Task InvokeTaskAsync_DelegatesToHandler()
    {
        var handler = new Mock<ITaskHandler>();
        handler.Setup(h => h.InvokeAsync(It.IsAny<TaskInvocation>())).Returns(new ValueTask<TaskOutcome>(TaskOutcome.Success(JsonValue.Create(1))));
        var host = new InMemoryExecutionHost(TimeProvider.System, handler.Object);

        var outcome = await host.InvokeTaskAsync(new TaskInvocation { StateName = "T", Resource = "r", ExecutionId = "e" });

        Assert.Equal(1, outcome.Result!.GetValue<int>());
    }
}
