using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;

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

    /// <summary>Starts branch <c>index</c> in <paramref name="frame"/> (null when it runs none: a kept outcome), which reports its end itself.</summary>
    public delegate ValueTask<BranchOutcome> FrameStarter(int index, out ExecutionFrame? frame);

    /// <summary>Told how a branch's frame ended (<see cref="ExecutionFrame.ReportEndTo"/>).</summary>
    public interface IEndObserver
    {
        /// <summary>Branch <paramref name="index"/> ended with <paramref name="outcome"/>, or threw <paramref name="failure"/>.</summary>
        void Ended(int index, BranchOutcome outcome, ExceptionDispatchInfo? failure);
    }

    /// <summary>Receives each outcome as it completes; returns <see langword="false"/> to stop starting branches.</summary>
    public delegate bool Observer(int index, BranchOutcome outcome);

    /// <summary>Runs <paramref name="count"/> branches, at most <paramref name="maxConcurrency"/> at a time (0 = all).</summary>
    /// <returns><see langword="false"/> when the observer stopped the run early (pending branches are abandoned).</returns>
    public static ValueTask<bool> RunAsync(int count, int maxConcurrency, Starter start, Observer observe) =>
        RunAsync(count, maxConcurrency, (int index, out ExecutionFrame? frame) => { frame = null; return start(index); }, observe);

    /// <summary>
    /// Runs <paramref name="count"/> branches in frames, at most <paramref name="maxConcurrency"/> at a time (0 = all): a
    /// pending branch's frame reports its end to the scheduler itself, from where its loop ends (after its variables are
    /// released, on the thread its last await resumed on: the orchestrator's, in a durable host), instead of a continuation
    /// on its task.
    /// </summary>
    /// <returns><see langword="false"/> when the observer stopped the run early (pending branches are abandoned).</returns>
    public static async ValueTask<bool> RunAsync(int count, int maxConcurrency, FrameStarter start, Observer observe)
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
                var started = start(index, out var frame);
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
                    completions ??= new Completions();
                    if (frame is null || !frame.ReportEndTo(completions, index))
                    {
                        completions.Watch(index, started);
                    }
                }
            }

            if (running == 0)
            {
                continue;
            }

            if (next == count)
            {
                // Every branch has started: the rest are observed where they report, without resuming this method for each.
                await completions!.ObserveRemaining(running, observe);
                return completions.RemainingObserved();
            }

            (int Index, BranchOutcome Outcome) reported;
            while (!completions!.TryTake(out reported, out var wait))
            {
                await wait;
            }

            var (doneIndex, outcome) = reported;
            running--;
            if (!observe(doneIndex, outcome))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Outcomes of pending branches in the order they finish; safe when branches finish on other threads (in memory).</summary>
    /// <remarks>
    /// <para>
    /// While the scheduler still starts branches it takes each outcome itself. Once every branch has started it hands the
    /// rest to <see cref="ObserveRemaining"/>: a reporting branch then observes its outcome itself (and those reported
    /// meanwhile: one thread at a time, the drainer, in report order) and the scheduler resumes once, when the last one is
    /// observed or the observer stops the run; a fan-out of n branches costs one resumption instead of n.
    /// </para>
    /// <para>
    /// The scheduler waits on this object itself (<see cref="IValueTaskSource"/>): no task, completion source or async
    /// frame per completion. The waiting scheduler resumes on the thread that reports, as it did when it awaited a
    /// completion source that runs its continuations synchronously: in a durable host that is the orchestrator's
    /// thread (a report runs where the branch's own await would resume), in memory a thread of the pool.
    /// </para>
    /// </remarks>
    private sealed class Completions : IValueTaskSource, IEndObserver
    {
        private readonly Lock gate = new();
        private readonly Queue<(int Index, BranchOutcome Outcome, ExceptionDispatchInfo? Failure)> done = new();
        private volatile bool waiting; // written under the gate; read without it where a stale value only costs a lock
        private short version;
        private Action<object?>? continuation;
        private object? continuationState;
        private Observer? observer; // set once every branch has started: reporters observe outcomes themselves
        private int remaining; // outcomes still to observe; the drainer's alone
        private bool draining; // a thread is observing outcomes (under the gate)
        private bool over; // the last outcome was observed, the observer stopped the run, or a branch or the observer threw (under the gate)
        private bool stopped; // the observer stopped the run
        private ExceptionDispatchInfo? thrown; // what a branch or the observer threw, rethrown to the scheduler's caller

        // A continuation on the branch's own task: no extra async frame or Task per pending branch (a pending async
        // method's ValueTask is its task: AsTask allocates nothing). It runs where an await would (the awaiter captures the
        // scheduling context: the orchestrator's, in a durable host). The closure keeps the task, not the ValueTask with
        // room for a result, so it is smaller (one per pending branch and episode).
        public void Watch(int index, ValueTask<BranchOutcome> started)
        {
            var task = started.AsTask();
            task.GetAwaiter().UnsafeOnCompleted(() => Report(index, task));
        }

        private void Report(int index, Task<BranchOutcome> finished)
        {
            BranchOutcome outcome = default;
            ExceptionDispatchInfo? failure = null;
            try
            {
                outcome = finished.GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // Not swallowed: rethrown to the scheduler's caller by TryTake.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            Ended(index, outcome, failure);
        }

        /// <summary>
        /// The next reported outcome (a branch that threw fails the state as awaiting it would); when there is none, a
        /// wait that completes once one is reported. One lock either way: a completion costs the scheduler a take and
        /// the next wait, and the reporting branch one lock more.
        /// </summary>
        public bool TryTake(out (int Index, BranchOutcome Outcome) item, out ValueTask reported)
        {
            lock (gate)
            {
                if (done.TryDequeue(out var next))
                {
                    reported = default;
                    next.Failure?.Throw();
                    item = (next.Index, next.Outcome);
                    return true;
                }

                waiting = true;
                reported = new ValueTask(this, ++version);
            }

            item = default;
            return false;
        }

        // Only the scheduler's own await asks (the token is its), so the version needs no lock; a report racing this read
        // is seen either here or by OnCompleted, which takes the lock.
        ValueTaskSourceStatus IValueTaskSource.GetStatus(short token)
        {
            Check(token);
            return waiting ? ValueTaskSourceStatus.Pending : ValueTaskSourceStatus.Succeeded;
        }

        void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            lock (gate)
            {
                Check(token);
                if (waiting)
                {
                    this.continuation = continuation;
                    continuationState = state;
                    return;
                }
            }

            continuation(state); // reported between TryTake and this registration
        }

        void IValueTaskSource.GetResult(short token) => Check(token);

        private void Check(short token)
        {
            if (token != version)
            {
                throw new InvalidOperationException("A branch completion wait was used after it completed.");
            }
        }

        /// <summary>
        /// Observes the <paramref name="count"/> outcomes still to come where they are reported (those reported already
        /// first, on this thread); the returned wait completes when the run is over (see <see cref="RemainingObserved"/>).
        /// </summary>
        public ValueTask ObserveRemaining(int count, Observer observe)
        {
            lock (gate)
            {
                remaining = count;
                observer = observe;
                draining = true;
            }

            Drain(null);
            lock (gate)
            {
                if (over)
                {
                    return default;
                }

                waiting = true;
                return new ValueTask(this, ++version);
            }
        }

        /// <summary>How the run ended once <see cref="ObserveRemaining"/>'s wait completed: false when the observer stopped it.</summary>
        public bool RemainingObserved()
        {
            thrown?.Throw();
            return !stopped;
        }

        /// <inheritdoc/>
        public void Ended(int index, BranchOutcome outcome, ExceptionDispatchInfo? failure)
        {
            Action<object?>? wake = null;
            object? state = null;
            var drain = false;
            lock (gate)
            {
                if (over)
                {
                    return; // an abandoned branch after the run stopped
                }

                if (observer is not null)
                {
                    if (draining)
                    {
                        done.Enqueue((index, outcome, failure)); // the drainer observes it
                        return;
                    }

                    draining = drain = true; // this thread observes it, and what is reported meanwhile
                }
                else
                {
                    done.Enqueue((index, outcome, failure));
                    waiting = false;
                    wake = continuation;
                    state = continuationState;
                    continuation = null;
                    continuationState = null;
                }
            }

            if (drain)
            {
                Drain((index, outcome, failure));
                return;
            }

            wake?.Invoke(state);
        }

        // The drainer's loop: observes first (when given) and every outcome queued, until none is left (then gives the role
        // up) or the run is over (then wakes the scheduler).
        private void Drain((int Index, BranchOutcome Outcome, ExceptionDispatchInfo? Failure)? first)
        {
            var item = first;
            while (true)
            {
                if (item is null)
                {
                    lock (gate)
                    {
                        if (!done.TryDequeue(out var queued))
                        {
                            draining = false;
                            return;
                        }

                        item = queued;
                    }
                }

                var (index, outcome, failure) = item.Value;
                item = null;
                if (failure is not null)
                {
                    Finish(failure, stop: false);
                    return;
                }

                bool going;
                try
                {
                    going = observer!(index, outcome);
                }
#pragma warning disable CA1031 // Not swallowed: rethrown to the scheduler's caller by RemainingObserved.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Finish(ExceptionDispatchInfo.Capture(e), stop: false);
                    return;
                }

                if (!going || --remaining == 0)
                {
                    Finish(null, stop: !going);
                    return;
                }
            }
        }

        private void Finish(ExceptionDispatchInfo? failure, bool stop)
        {
            Action<object?>? wake;
            object? state;
            lock (gate)
            {
                over = true;
                thrown = failure;
                stopped = stop;
                done.Clear();
                waiting = false;
                wake = continuation;
                state = continuationState;
                continuation = null;
                continuationState = null;
            }

            wake?.Invoke(state);
        }
    }
}
