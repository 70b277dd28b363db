using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Executions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>Queue triggers: each message starts one execution.</summary>
/// <param name="starter">Starts executions that carry their definition.</param>
/// <param name="machines">Starts registered state machines through the Step Functions API.</param>
/// <param name="logger">The function log.</param>
internal sealed class QueueFunctions(ExecutionStarter starter, RegisteredMachineStarts machines, ILogger<QueueFunctions> logger)
{
    /// <summary>
    /// Starts an execution per message of the queue named by <c>AslStartQueue</c>. A message naming a registered machine
    /// (<c>{"stateMachineArn"|"stateMachineName", "input", "name"}</c>) starts it as <c>name</c>, else as
    /// <c>queue-{message id}</c>, so a redelivery never starts twice; one that can never start goes to
    /// <c>{queue}-poison</c> at once, with the reason. A message carrying a definition (<c>{"definition", "input",
    /// "name"}</c>) starts it; a refused one throws, so the queue retries it and then poisons it.
    /// </summary>
    /// <param name="message">The message text.</param>
    /// <param name="id">The queue message id (trigger metadata, the same on every delivery).</param>
    /// <param name="client">The Durable client.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The poison record for a refused message, else <see langword="null"/> (nothing is written).</returns>
    [Function(FunctionNames.QueueStart)]
    [QueueOutput(FunctionNames.StartQueuePoisonSetting)]
    public async Task<string?> QueueStartAsync(
        [QueueTrigger(FunctionNames.StartQueueSetting)] string message,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        DurableTaskExecutionClient executions = new(client);
        if (!RegisteredMachineStarts.NamesMachine(message))
        {
            string instanceId = await starter.StartFromRequestAsync(executions, message, "queue", cancellationToken);
            Log.QueueMessageStarted(logger, instanceId);
            return null;
        }

        QueueStartOutcome outcome = await machines.StartFromMessageAsync(executions, message, id, cancellationToken);
        switch (outcome.Kind)
        {
            case QueueStartKind.Started:
                Log.QueueMessageStarted(logger, outcome.Detail);
                return null;
            case QueueStartKind.AlreadyStarted:
                Log.QueueMessageAlreadyStarted(logger, id, outcome.Detail);
                return null;
            default:
                Log.QueueMessagePoisoned(logger, id, outcome.Detail);
                return RegisteredMachineStarts.PoisonRecord(message, id, outcome.Detail);
        }
    }
}
