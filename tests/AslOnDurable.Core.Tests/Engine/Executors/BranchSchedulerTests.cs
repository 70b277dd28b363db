using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Executors;

namespace AslOnDurable.Core.Tests.Engine.Executors;

public sealed class BranchSchedulerTests
{
    [Fact]
    public async Task RunAsync_PendingBranches_NeverExceedsWindowAndStartsInIndexOrder()
    {
        var sources = new TaskCompletionSource<BranchOutcome>[5];
        var started = new List<int>();
        var running = 0;
        var maxRunning = 0;
        var run = BranchScheduler.RunAsync(
            5,
            2,
            index =>
            {
                started.Add(index);
                running++;
                maxRunning = Math.Max(maxRunning, running);
                sources[index] = new TaskCompletionSource<BranchOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
                return new ValueTask<BranchOutcome>(sources[index].Task);
            },
            (_, _) =>
            {
                running--;
                return true;
            }).AsTask();

        for (var i = 0; i < 5; i++)
        {
            while (sources[i] is null)
            {
                await Task.Yield();
            }

            sources[i].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
        }

        Assert.True(await run);
        Assert.Equal([0, 1, 2, 3, 4], started);
        Assert.Equal(2, maxRunning);
    }

    [Fact]
    public async Task RunAsync_ObserverStops_StartsNoMoreBranches()
    {
        var started = 0;

        var completed = await BranchScheduler.RunAsync(
            10,
            1,
            _ =>
            {
                started++;
                return new ValueTask<BranchOutcome>(new BranchOutcome(ExecutionStatus.Failed, null, new("E", null)));
            },
            (_, outcome) => outcome.Status == ExecutionStatus.Succeeded);

        Assert.False(completed);
        Assert.Equal(1, started);
    }
}
