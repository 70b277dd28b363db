using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>The clock task handlers get inside the task activity (virtual time: nothing sleeps).</summary>
public sealed class ActivityTaskClockTests
{
    private sealed class SlowHandler(TimeSpan work) : ITaskHandler
    {
        public async ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
        {
            await invocation.Clock!.DelayAsync(work);
            return TaskOutcome.Success(null);
        }
    }

    private static async Task<TaskActivityResult> RunAsync(TimeSpan work, TimeSpan advance, int? timeoutSeconds, int? heartbeatSeconds)
    {
        FakeTimeProvider time = new(DateTimeOffset.UnixEpoch);
        string request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, "S", "arn:r", null, 0, "e")
        {
            TimeoutSeconds = timeoutSeconds,
            HeartbeatSeconds = heartbeatSeconds,
        });

        Task<string> running = StateMachineTaskActivity.RunAsync(new SlowHandler(work), request, time);
        time.Advance(advance);
        return DurableJson.Deserialize<TaskActivityResult>(await running);
    }

    [Fact]
    public async Task DelayAsync_PastTimeoutSeconds_AttemptTimesOut()
    {
        TaskActivityResult result = await RunAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), timeoutSeconds: 2, heartbeatSeconds: null);

        Assert.Equal((TaskActivityOutcomes.TimedOut, "States.Timeout"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task DelayAsync_PastHeartbeatWindow_AttemptTimesOutOnHeartbeat()
    {
        TaskActivityResult result = await RunAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1), timeoutSeconds: 60, heartbeatSeconds: 1);

        Assert.Equal((TaskActivityOutcomes.TimedOut, "States.HeartbeatTimeout"), (result.Outcome, result.Error));
    }

    [Fact]
    public async Task DelayAsync_WithinTimeout_Succeeds()
    {
        TaskActivityResult result = await RunAsync(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), timeoutSeconds: 5, heartbeatSeconds: null);

        Assert.Equal(TaskActivityOutcomes.Succeeded, result.Outcome);
    }
}
