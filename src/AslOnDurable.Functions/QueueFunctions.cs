using AslOnDurable.Runtime.Executions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace AslOnDurable.Functions;

/// <summary>Queue triggers: each message starts an execution through <see cref="ExecutionStarter"/>.</summary>
/// <param name="starter">Starts executions.</param>
/// <param name="logger">The logger.</param>
internal sealed class QueueFunctions(ExecutionStarter starter, ILogger<QueueFunctions> logger)
{
    /// <summary>Starts one execution per message on the queue named by the <c>AslStartQueue</c> app setting.</summary>
    /// <param name="message">
    /// The message text: <c>{"definition": {ASL} or "ASL text", "input": any JSON, "name": "optional", "stateMachineName": "optional"}</c>.
    /// </param>
    /// <param name="client">The durable client.</param>
    /// <param name="cancellationToken">Cancels on host shutdown.</param>
    /// <returns>A task that completes when the execution is scheduled.</returns>
    [Function(FunctionNames.QueueStart)]
    public async Task QueueStartAsync(
        [QueueTrigger(FunctionNames.StartQueueSetting)] string message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        string instanceId = await starter.StartFromRequestAsync(new DurableTaskExecutionClient(client), message, "queue", cancellationToken);
        Log.QueueMessageStarted(logger, instanceId);
    }
}
