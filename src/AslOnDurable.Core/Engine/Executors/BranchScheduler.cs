namespace AslOnDurable.Core.Engine.Executors;

/// <summary>
/// Runs Parallel branches and Map iterations with a deterministic concurrency window: branches start in index
/// order; a branch that completes synchronously frees its slot at once; otherwise the scheduler awaits the
/// pending ones with <see cref="Task.WhenAny(Task[])"/> (replay-safe in a durable host) and starts the next.
/// </summary>
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
        List<Task<BranchOutcome>>? pending = null;
        List<int>? pendingIndexes = null;
        var next = 0;
        while (next < count || pending is { Count: > 0 })
        {
            while (next < count && (pending?.Count ?? 0) < window)
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
                    (pending ??= []).Add(started.AsTask());
                    (pendingIndexes ??= []).Add(index);
                }
            }

            if (pending is not { Count: > 0 })
            {
                continue;
            }

            var done = await Task.WhenAny(pending);
            var position = pending.IndexOf(done);
            var doneIndex = pendingIndexes![position];
            pending.RemoveAt(position);
            pendingIndexes.RemoveAt(position);
            if (!observe(doneIndex, await done))
            {
                return false;
            }
        }

        return true;
    }
}
