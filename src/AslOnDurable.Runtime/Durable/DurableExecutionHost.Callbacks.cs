using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Durable.Payloads;

namespace AslOnDurable.Runtime.Durable;

/// <summary>Task token callbacks (<c>.waitForTaskToken</c>): the external event raced with timeout and heartbeat timers.</summary>
internal sealed partial class DurableExecutionHost
{
    /// <summary>
    /// Calls the task activity; when its handler answers <see cref="TaskOutcome.AwaitingCallback"/>, waits for the
    /// token's callbacks (<see cref="TaskCallbackEvent"/>, raised by <see cref="Executions.TaskCallbacks"/>).
    /// </summary>
    /// <remarks>
    /// AWS: <c>TimeoutSeconds</c> bounds the whole task from its start, whatever the heartbeats (<c>States.Timeout</c>);
    /// <c>HeartbeatSeconds</c> bounds the time from the start, then from each SendTaskHeartbeat, to the next one or the
    /// answer (<c>States.HeartbeatTimeout</c>); both are recorded as <c>TaskTimedOut</c>. Timers are real durable timers
    /// even in skip-waits mode (a callback comes from outside: skipping its timeout would fail every such task at once).
    /// A callback that arrives before the wait starts is kept by Durable Task until the wait asks for it. Timers are
    /// cancelled with <c>Cancel()</c> (see <see cref="RaceAsync"/>).
    /// </remarks>
    private async Task<TaskOutcome> CallWithCallbackAsync(TaskInvocation invocation, string eventName)
    {
        DateTime started = context.CurrentUtcDateTime;
        using CancellationTokenSource cancel = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
        Task? deadline = invocation.TimeoutSeconds is > 0 and var seconds
            ? DurableTimers.WaitUntilAsync(context, started.AddSeconds(seconds), cancel.Token)
            : null;
        #pragma warning disable CA1849 // Synchronous on purpose (replay rules).
        try
        {
            Task<TaskOutcome> work = CallAsync(invocation);
            if (deadline is not null && await Task.WhenAny(work, deadline) == deadline)
            {
                return TaskOutcome.TimedOut(heartbeat: false);
            }

            TaskOutcome outcome = await work;
            if (!outcome.IsAwaitingCallback)
            {
                return outcome;
            }

            // One waiter for the whole task: a cancelled waiter would still take the next event with this name.
            // An activity task's heartbeat clock starts when a worker takes it (until then only TimeoutSeconds applies).
            DateTime heartbeatFrom = started;
            bool heartbeatRuns = invocation.ActivityStarted is null;
            while (true)
            {
                Task<string> callback = context.WaitForExternalEvent<string>(eventName, cancel.Token);
                using CancellationTokenSource cancelHeartbeat = CancellationTokenSource.CreateLinkedTokenSource(closing.Token);
                Task? heartbeat = heartbeatRuns && invocation.HeartbeatSeconds is > 0 and var beat
                    ? DurableTimers.WaitUntilAsync(context, heartbeatFrom.AddSeconds(beat), cancelHeartbeat.Token)
                    : null;
                Task winner = await Task.WhenAny(callback, deadline ?? callback, heartbeat ?? callback);
                cancelHeartbeat.Cancel();
                if (winner != callback)
                {
                    return TaskOutcome.TimedOut(heartbeat: winner == heartbeat);
                }

                TaskCallbackEvent answer = DurableJson.Deserialize<TaskCallbackEvent>(await callback);
                PayloadVersion.EnsureReadable(answer.Version, nameof(TaskCallbackEvent));
                if (answer.Kind == TaskCallbackKinds.Heartbeat)
                {
                    heartbeatFrom = context.CurrentUtcDateTime;
                    continue;
                }

                if (answer.Kind == TaskCallbackKinds.Started)
                {
                    // Replay-safe: the engine's history sink forwards events once, never on replay.
                    invocation.ActivityStarted?.Invoke(answer.WorkerName);
                    heartbeatFrom = context.CurrentUtcDateTime;
                    heartbeatRuns = true;
                    continue;
                }

                return ToOutcome(answer);
            }
        }
        finally
        {
            cancel.Cancel();
        }
        #pragma warning restore CA1849
    }

    /// <summary>SendTaskSuccess: the output is the task's raw result; SendTaskFailure: the task fails with the given error.</summary>
    private static TaskOutcome ToOutcome(TaskCallbackEvent answer)
    {
        if (answer.Kind == TaskCallbackKinds.Failure)
        {
            // AWS documents no default for a SendTaskFailure without error: the name is then empty, as for a handler
            // failure without one (States.ALL still catches it).
            return TaskOutcome.Failure(new AslError(answer.Error ?? string.Empty, answer.Cause));
        }

        try
        {
            return TaskOutcome.Success(JsonNode.Parse(answer.Output ?? "null", documentOptions: new JsonDocumentOptions { MaxDepth = 512 }));
        }
        catch (JsonException e)
        {
            // The API refuses output that is not JSON (InvalidOutput); an event raised some other way ends here.
            return TaskOutcome.Failure(new AslError(StatesErrorNames.Runtime, "The task callback's output is not valid JSON: " + e.Message));
        }
    }
}
