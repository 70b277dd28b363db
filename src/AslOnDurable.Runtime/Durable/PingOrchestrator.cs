using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// A small real orchestration that exercises a durable backend end to end: a fan-out of
/// <see cref="ActivityNames.Ping"/> activities, a fan-in, then a durable timer. Input and output are JSON text
/// (<see cref="PingInput"/>, <see cref="PingResult"/>).
/// </summary>
/// <remarks>Placeholder until the state-machine orchestrator is wired; it keeps the hosting paths honest.</remarks>
public sealed class PingOrchestrator : TaskOrchestrator<string, string>
{
    /// <inheritdoc />
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        ArgumentNullException.ThrowIfNull(context);
        PingInput request = DurableJson.Deserialize<PingInput>(input);
        DateTime startedAt = context.CurrentUtcDateTime;

        Task<string>[] calls = new Task<string>[Math.Max(0, request.Branches)];
        for (int i = 0; i < calls.Length; i++)
        {
            calls[i] = context.CallActivityAsync<string>(ActivityNames.Ping, DurableJson.Serialize(new PingRequest(i)));
        }

        string[] replies = await Task.WhenAll(calls);

        DateTime dueAt = context.CurrentUtcDateTime.AddMilliseconds(Math.Max(0, request.TimerMilliseconds));
        if (request.TimerMilliseconds > 0)
        {
            await DurableTimers.WaitUntilAsync(context, dueAt, CancellationToken.None);
        }

        PingReply[] parsed = Array.ConvertAll(replies, DurableJson.Deserialize<PingReply>);
        return DurableJson.Serialize(new PingResult(parsed, startedAt, dueAt, context.CurrentUtcDateTime));
    }
}
