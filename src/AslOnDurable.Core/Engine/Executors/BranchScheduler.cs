using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// Runs Parallel branches and Map iterations with a deterministic concurrency window: branches start in index
/// order; a branch that completes synchronously frees its slot at once; otherwise each pending branch reports its
/// outcome to a completion queue when it finishes, and the scheduler observes outcomes in completion order and starts
/// the next. In a durable host branches complete one at a time on the orchestrator thread, in history order, so the
/// order is the same on every replay.
/// </summary>
/// <remarks>
/// A completion queue instead of <see cref="Task.WhenAny(Task[])"/> over the pending branches: that registered a
/// continuation on every pending branch for every completion (quadratic in the fan-out, paid again on every replay).
/// </remarks>
internal static class BranchScheduler
{
    /// <summary>Starts branch <c>index</c>.</summary>
    public delegate ValueTask<BranchOutcome> Starter(int index);

    /// <summary>Receives each outcome as it completes; returns <see langword="false"/> to stop starting branches.</summary>
    public delegate bool Observer(int index, BranchOutcome outcome);

    /// <summary>Runs <paramref name="count"/> branches, at most <paramref name="maxConcurrency"/> at a time (0 = all).</summary>
    /// <returns><see langword="false"/> when the observer stopped the run early (pending branches are abandoned).</returns>
    public static async ValueTask<bool> RunAsync(int count, int maxConcurrency, Starter start, Observer observe)
    {
        var window = maxConcurrency <= 0 ? count : maxConcurrency;
        Completions? completions = null;
        var running = 0;
        var next = 0;
        while (next < count || running > 0)
        {
            while (next < count && running < window)
            {
                var index = next++;
                var started = start(index);
                if (started.IsCompleted)
                {
                    if (!observe(index, started.Result))
                    {
                        return false;
                    }
                }
                else
                {
                    running++;
                    (completions ??= new Completions()).Watch(index, started);
                }
            }

            if (running == 0)
            {
                continue;
            }

            var (doneIndex, outcome) = await completions!.NextAsync();
            running--;
            if (!observe(doneIndex, outcome))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Outcomes of pending branches in the order they finish; safe when branches finish on other threads (in memory).</summary>
    private sealed class Completions
    {
        private readonly Lock gate = new();
        private readonly Queue<(int Index, BranchOutcome Outcome, ExceptionDispatchInfo? Failure)> done = new();
        private TaskCompletionSource? waiter;

        // A continuation on the branch's own awaiter: no extra async frame or Task per pending branch. It runs where an
        // await would (the awaiter captures the scheduling context: the orchestrator's, in a durable host).
        public void Watch(int index, ValueTask<BranchOutcome> started)
        {
            var awaiter = started.GetAwaiter();
            awaiter.UnsafeOnCompleted(() => Report(index, awaiter));
        }

        public async ValueTask<(int Index, BranchOutcome Outcome)> NextAsync()
        {
            while (true)
            {
                Task wait;
                lock (gate)
                {
                    if (done.TryDequeue(out var item))
                    {
                        item.Failure?.Throw(); // a branch that threw fails the state as awaiting it would
                        return (item.Index, item.Outcome);
                    }

                    waiter = new TaskCompletionSource();
                    wait = waiter.Task;
                }

                await wait;
            }
        }

        private void Report(int index, ValueTaskAwaiter<BranchOutcome> finished)
        {
            BranchOutcome outcome = default;
            ExceptionDispatchInfo? failure = null;
            try
            {
                outcome = finished.GetResult();
            }
#pragma warning disable CA1031 // Not swallowed: rethrown to the scheduler's caller by NextAsync.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            TaskCompletionSource? wake;
            lock (gate)
            {
                done.Enqueue((index, outcome, failure));
                wake = waiter;
                waiter = null;
            }

            wake?.TrySetResult();
        }
    }
}
