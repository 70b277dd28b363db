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

    [Fact]
    public async Task RunAsync_PendingBranches_ObservedInCompletionOrderNotIndexOrder()
    {
        var sources = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var observed = new List<int>();
        var run = BranchScheduler.RunAsync(
            4,
            0,
            index => new ValueTask<BranchOutcome>(sources[index].Task),
            (index, _) =>
            {
                observed.Add(index);
                return true;
            }).AsTask();

        foreach (var index in (int[])[2, 0, 3, 1])
        {
            sources[index].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
        }

        Assert.True(await run);
        Assert.Equal([2, 0, 3, 1], observed);
    }

    [Fact]
    public async Task RunAsync_FirstFailureWhileOthersPending_StopsWithoutWaitingForThem()
    {
        var sources = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var run = BranchScheduler.RunAsync(
            3,
            0,
            index => new ValueTask<BranchOutcome>(sources[index].Task),
            (_, outcome) => outcome.Status == ExecutionStatus.Succeeded).AsTask();

        sources[1].SetResult(new BranchOutcome(ExecutionStatus.Failed, null, new("E", null)));

        Assert.False(await run); // branches 0 and 2 never finish
    }

    [Fact]
    public async Task RunAsync_PendingBranchThrows_RethrowsToTheCaller()
    {
        var source = new TaskCompletionSource<BranchOutcome>();
        var run = BranchScheduler.RunAsync(1, 0, _ => new ValueTask<BranchOutcome>(source.Task), (_, _) => true).AsTask();

        source.SetException(new InvalidOperationException("branch broke"));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("branch broke", thrown.Message);
    }

    [Fact]
    public async Task RunAsync_BranchesFinishingOnOtherThreads_EveryOutcomeObservedOnce()
    {
        const int count = 200;
        var observed = new bool[count];
        var completed = await BranchScheduler.RunAsync(
            count,
            16,
            index => new ValueTask<BranchOutcome>(Task.Run(async () =>
            {
                await Task.Yield();
                return new BranchOutcome(ExecutionStatus.Succeeded, null, null, index);
            })),
            (index, outcome) =>
            {
                Assert.False(observed[index]);
                Assert.Equal(index, outcome.NextIndex);
                observed[index] = true;
                return true;
            });

        Assert.True(completed);
        Assert.All(observed, Assert.True);
    }

    [Fact]
    public async Task RunAsync_BranchesFinishWhileAnOutcomeIsObserved_TheQueuedOnesFollowInTheirOrder()
    {
        var sources = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var order = new List<int>();
        var run = BranchScheduler.RunAsync(
            3,
            0,
            index => new ValueTask<BranchOutcome>(sources[index].Task),
            (index, _) =>
            {
                order.Add(index);
                if (index == 1)
                {
                    // Reported while the scheduler is busy here: nobody waits for them yet.
                    sources[2].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
                    sources[0].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
                }

                return true;
            }).AsTask();

        Assert.False(run.IsCompleted);
        sources[1].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));

        Assert.True(await run);
        Assert.Equal([1, 2, 0], order);
    }

    [Fact]
    public async Task RunAsync_AllStartedAndFinishingOnOtherThreads_ObservedOneAtATimeEachOnce()
    {
        const int count = 300;
        var observed = new int[count];
        var inObserver = 0;
        var overlapped = false;
        var completed = await BranchScheduler.RunAsync(
            count,
            0,
            index => new ValueTask<BranchOutcome>(Task.Run(async () =>
            {
                await Task.Yield();
                return new BranchOutcome(ExecutionStatus.Succeeded, null, null, index);
            })),
            (index, outcome) =>
            {
                overlapped |= Interlocked.Increment(ref inObserver) != 1;
                Thread.SpinWait(50); // widen the window for a second reporter
                observed[index]++;
                Assert.Equal(index, outcome.NextIndex);
                Interlocked.Decrement(ref inObserver);
                return true;
            });

        Assert.True(completed);
        Assert.False(overlapped);
        Assert.All(observed, n => Assert.Equal(1, n));
    }

    [Fact]
    public async Task RunAsync_ObserverThrowsOnAReportingBranch_RethrowsToTheCallerNotToTheBranch()
    {
        var sources = Enumerable.Range(0, 2).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var run = BranchScheduler.RunAsync(
            2,
            0,
            index => new ValueTask<BranchOutcome>(sources[index].Task),
            (_, _) => throw new InvalidOperationException("observer broke")).AsTask();

        sources[1].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null)); // does not throw here

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("observer broke", thrown.Message);
        sources[0].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null)); // abandoned: nobody observes it
    }

    [Fact]
    public async Task RunAsync_ObserverStoppedTheRun_LaterOutcomesAreNotObserved()
    {
        var sources = Enumerable.Range(0, 3).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var observed = new List<int>();
        var run = BranchScheduler.RunAsync(
            3,
            0,
            index => new ValueTask<BranchOutcome>(sources[index].Task),
            (index, outcome) =>
            {
                observed.Add(index);
                return outcome.Status == ExecutionStatus.Succeeded;
            }).AsTask();

        sources[2].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
        sources[0].SetResult(new BranchOutcome(ExecutionStatus.Failed, null, new("E", null)));
        sources[1].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));

        Assert.False(await run);
        Assert.Equal([2, 0], observed);
    }

    [Fact]
    public async Task RunAsync_SomeBranchesDoneWhileOthersStart_EachObservedOnceInCompletionOrder()
    {
        var sources = Enumerable.Range(0, 4).Select(_ => new TaskCompletionSource<BranchOutcome>()).ToArray();
        var observed = new List<int>();
        var run = BranchScheduler.RunAsync(
            4,
            0,
            index =>
            {
                if (index == 3)
                {
                    sources[1].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null)); // reported before the last start
                }

                return new ValueTask<BranchOutcome>(sources[index].Task);
            },
            (index, _) =>
            {
                observed.Add(index);
                return true;
            }).AsTask();

        sources[3].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
        sources[0].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));
        Assert.False(run.IsCompleted);
        sources[2].SetResult(new BranchOutcome(ExecutionStatus.Succeeded, null, null));

        Assert.True(await run);
        Assert.Equal([1, 3, 0, 2], observed);
    }
}
