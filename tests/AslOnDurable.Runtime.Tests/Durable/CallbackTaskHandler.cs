using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Runtime.Tests.Durable;

/// <summary>
/// A worker for <c>.waitForTaskToken</c> tasks: records each attempt's token and answers "later, by callback"; tasks
/// without a token echo their input.
/// </summary>
internal sealed class CallbackTaskHandler : ITaskHandler
{
    private readonly ConcurrentQueue<string> tokens = new();
    private readonly Channel<string> issued = Channel.CreateUnbounded<string>();

    /// <summary>Gets every token handed out so far, in order.</summary>
    public IReadOnlyList<string> Tokens => [.. tokens];

    /// <summary>Waits for the next token a task hands out.</summary>
    public ValueTask<string> NextTokenAsync(CancellationToken cancellationToken) => issued.Reader.ReadAsync(cancellationToken);

    public ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation)
    {
        if (invocation.TaskToken is not { } token)
        {
            return new(TaskOutcome.Success(invocation.Input?.DeepClone() ?? new JsonObject()));
        }

        tokens.Enqueue(token);
        issued.Writer.TryWrite(token);
        return new(TaskOutcome.AwaitingCallback());
    }
}
