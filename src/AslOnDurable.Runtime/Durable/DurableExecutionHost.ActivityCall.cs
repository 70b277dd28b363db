using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;
using AslOnDurable.Core.Engine;

namespace AslOnDurable.Runtime.Durable;

/// <summary>A task activity call the engine awaits without an async frame of the host.</summary>
internal sealed partial class DurableExecutionHost
{
    /// <summary>
    /// The outcome of one task activity call, awaited by the engine on the activity's own task: the host's part (reading
    /// the reply, a child execution it asks for) runs in the continuation the engine registers, so a Task state costs no
    /// async frame, task and extra resumption of the host on every episode (what <see cref="CallAsync"/> costs).
    /// </summary>
    /// <remarks>
    /// Resumes where an <c>await</c> in <see cref="CallAsync"/> would: the continuation is registered on the activity's
    /// task with the scheduling context the engine asks for (the orchestrator's), runs the host's part there, then the
    /// engine's continuation inline, as the engine's await of a completed <see cref="CallAsync"/> task did. Single use
    /// (token 0): the engine awaits each call once.
    /// </remarks>
    private sealed class ActivityCall : IValueTaskSource<TaskOutcome>
    {
        private readonly DurableExecutionHost host;
        private readonly Task<string> call;
        private readonly string? traceParent;
        private Task<TaskOutcome>? nested;
        private TaskOutcome? outcome;
        private ExceptionDispatchInfo? failure;
        private Action<object?>? continuation;
        private object? continuationState;

        private ActivityCall(DurableExecutionHost host, Task<string> call, string? traceParent)
        {
            this.host = host;
            this.call = call;
            this.traceParent = traceParent;
        }

        /// <summary>Schedules the activity; a call already answered goes the async way (never the case in a durable host).</summary>
        public static ValueTask<TaskOutcome> Start(DurableExecutionHost host, TaskInvocation invocation)
        {
            Task<string> call = host.ScheduleCall(invocation, out string? traceParent);
            return call.IsCompleted
                ? new(host.FinishAsync(call, traceParent))
                : new(new ActivityCall(host, call, traceParent), 0);
        }

        public ValueTaskSourceStatus GetStatus(short token) =>
            outcome is not null ? ValueTaskSourceStatus.Succeeded
            : failure is not null ? ValueTaskSourceStatus.Faulted
            : ValueTaskSourceStatus.Pending;

        public TaskOutcome GetResult(short token)
        {
            failure?.Throw();
            return outcome ?? throw new InvalidOperationException("The task activity call has not been answered yet.");
        }

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            this.continuation = continuation;
            continuationState = state;
            Watch(call, (flags & ValueTaskSourceOnCompletedFlags.UseSchedulingContext) != 0, Answered);
        }

        private static void Watch<T>(Task<T> task, bool onContext, Action next)
        {
            ConfiguredTaskAwaitable<T>.ConfiguredTaskAwaiter awaiter = task.ConfigureAwait(onContext).GetAwaiter();
            awaiter.UnsafeOnCompleted(next);
        }

        // The activity answered: read the reply (on the orchestrator's thread), or start the child execution it asks for.
        private void Answered()
        {
            try
            {
                TaskOutcome read = Answer(call);
                if (read.NestedExecution is { } child)
                {
                    nested = host.RunNestedAsync(child, traceParent);
                    Watch(nested, onContext: true, NestedEnded);
                    return;
                }

                outcome = read;
            }
#pragma warning disable CA1031 // Not swallowed: rethrown to the engine by GetResult, as its await of CallAsync would.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            Resume();
        }

        private void NestedEnded()
        {
            try
            {
                outcome = nested!.GetAwaiter().GetResult();
            }
#pragma warning disable CA1031 // Not swallowed: rethrown to the engine by GetResult.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }

            Resume();
        }

        private void Resume()
        {
            Action<object?> next = continuation!;
            object? state = continuationState;
            continuation = null;
            continuationState = null;
            next(state);
        }
    }
}
