using AslOnDurable.Runtime.Durable.Payloads;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>Answers one branch of <see cref="PingOrchestrator"/>: <see cref="PingRequest"/> in, <see cref="PingReply"/> out, as JSON text.</summary>
public sealed class PingActivity : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => Task.FromResult(Answer(input));

    /// <summary>Computes the reply for one request; hosts that call activities directly use this.</summary>
    /// <param name="input">A <see cref="PingRequest"/> as JSON text.</param>
    /// <returns>A <see cref="PingReply"/> as JSON text.</returns>
    public static string Answer(string input)
    {
        PingRequest request = DurableJson.Deserialize<PingRequest>(input);
        return DurableJson.Serialize(new PingReply(request.Index, $"pong {request.Index}"));
    }
}
