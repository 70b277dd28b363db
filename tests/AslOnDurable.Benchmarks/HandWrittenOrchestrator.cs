using System.Text.Json.Nodes;
using AslOnDurable.Runtime.Durable;
using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Benchmarks;

/// <summary>
/// The baseline of <c>--durable</c>: what a developer would write by hand with Durable Task for the same workflow,
/// making the same activity calls (<see cref="ActivityNames.StateMachineTask"/> with the same payload records) as the
/// ASL engine does: <paramref name="count"/> calls in sequence, each with the previous result, or
/// <paramref name="count"/> concurrent calls, one per item, gathered in order.
/// </summary>
/// <param name="fanOut">Concurrent calls instead of a sequence.</param>
/// <param name="count">How many calls.</param>
internal sealed class HandWrittenOrchestrator(bool fanOut, int count) : TaskOrchestrator<string, string>
{
    public const string Resource = "arn:aws:lambda:us-east-1:123456789012:function:bench-echo";

    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        var value = JsonNode.Parse(input);
        if (!fanOut)
        {
            for (var i = 0; i < count; i++)
            {
                value = await CallAsync(context, "Step" + i, value);
            }

            return value!.ToJsonString();
        }

        var items = value!["items"]!.AsArray();
        var calls = new Task<JsonNode?>[items.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            calls[i] = CallAsync(context, "Echo", items[i]);
        }

        return new JsonArray([.. await Task.WhenAll(calls)]).ToJsonString();
    }

    private static async Task<JsonNode?> CallAsync(TaskOrchestrationContext context, string state, JsonNode? input)
    {
        var request = DurableJson.Serialize(new TaskActivityInput(PayloadVersion.Current, state, Resource, input?.DeepClone(), 0, context.InstanceId));
        var reply = DurableJson.Deserialize<TaskActivityResult>(await context.CallActivityAsync<string>(ActivityNames.StateMachineTask, request));
        return reply.Outcome == TaskActivityOutcomes.Succeeded ? reply.Output : throw new InvalidOperationException(reply.Cause);
    }
}
