using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Core.Errors;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Tests.Hosting;

/// <summary>
/// <c>asl run</c>'s in-process driver: a Parallel whose branch fails while another branch waits on a long durable
/// timer (a Wait of an hour, a Retry backoff of an hour) ends FAILED at once: the orchestrator cancels the timers it
/// abandoned, so nothing is left for the driver to wait for. Each run has a 60 s budget; a run that did not end within
/// it would be reported ABORTED, not FAILED.
/// </summary>
public sealed class InProcessDriverAbandonedTimerTests
{
    private const string Fn = "arn:aws:lambda:us-east-1:123456789012:function:";

    [Fact]
    public async Task Runner_BranchFailsWhileAnotherWaitsAnHour_ReturnsFailedAtOnce()
    {
        ExecutionResult result = await RunAsync("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Long", "States": {"Long": {"Type": "Wait", "Seconds": 3600, "End": true}}},
              {"StartAt": "First", "States": {
                "First": {"Type": "Task", "Resource": "%FN%ok", "Next": "Fails"},
                "Fails": {"Type": "Fail", "Error": "Gone", "Cause": "on purpose"}}}]}}}
            """, new FlakyThenOkHandler());

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Gone", result.Error?.Error);
    }

    [Fact]
    public async Task Runner_BranchFailsWhileAnotherWaitsOnAnHourLongRetry_ReturnsFailedAtOnce()
    {
        FlakyThenOkHandler handler = new();
        ExecutionResult result = await RunAsync("""
            {"StartAt": "Fan", "States": {"Fan": {"Type": "Parallel", "End": true, "Branches": [
              {"StartAt": "Retried", "States": {"Retried": {"Type": "Task", "Resource": "%FN%flaky", "End": true,
                "Retry": [{"ErrorEquals": ["Flaky"], "IntervalSeconds": 3600, "MaxAttempts": 3}]}}},
              {"StartAt": "First", "States": {
                "First": {"Type": "Task", "Resource": "%FN%ok", "Next": "Fails"},
                "Fails": {"Type": "Fail", "Error": "Gone", "Cause": "on purpose"}}}]}}}
            """, handler);

        Assert.Equal(ExecutionStatus.Failed, result.Status);
        Assert.Equal("Gone", result.Error?.Error);
        Assert.Equal(1, handler.FlakyCalls);
    }

    private static async Task<ExecutionResult> RunAsync(string definition, ITaskHandler handler)
    {
        using CancellationTokenSource budget = new(TimeSpan.FromSeconds(60));
        return await DurableStateMachineRunner.RunAsync(
            definition.Replace("%FN%", Fn, StringComparison.Ordinal), new JsonObject(), handler, new DurableRunOptions(), budget.Token);
    }

    /// <summary><c>…:flaky</c> fails with <c>Flaky</c>; <c>…:ok</c> succeeds once a flaky call has been made (when the definition has one).</summary>
    private sealed class FlakyThenOkHandler : ITaskHandler
    {
        private readonly TaskCompletionSource flaky = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int flakyCalls;

        public int FlakyCalls => Volatile.Read(ref flakyCalls);

        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            if (invocation.Resource.EndsWith(":flaky", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref flakyCalls);
                flaky.TrySetResult();
                return TaskOutcome.Failure(new AslError("Flaky", "on purpose"));
            }

            // With a flaky branch, answer after its first call so that its backoff timer is the open work.
            await Task.WhenAny(flaky.Task, Task.Delay(TimeSpan.FromSeconds(2)));
            return TaskOutcome.Success(new JsonObject { ["ok"] = true });
        }
    }
}
