using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// Starts a child execution the parent does not wait for (<c>states:startExecution</c>) as an orchestration of its
/// own, through the client: a sub-orchestration the parent never awaits would still hold the parent open until the
/// child ends (DurableTask.Core completes an instance only once no task is open).
/// </summary>
/// <remarks>
/// Activities run at least once: when the instance already exists the start is taken as done (AWS, too, treats a
/// repeated StartExecution with the same name and input as the same execution).
/// </remarks>
/// <param name="client">The task hub's client.</param>
public sealed class StartExecutionActivity(IExecutionClient client) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(client, input, CancellationToken.None);

    /// <summary>Starts the child; hosts that bind activities themselves call this.</summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="input">A <see cref="DetachedExecutionInput"/> as JSON text.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>An empty string once the child is started.</returns>
    public static async Task<string> RunAsync(IExecutionClient client, string input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        DetachedExecutionInput request = DurableJson.Deserialize<DetachedExecutionInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(DetachedExecutionInput));
        if (await client.GetAsync(request.InstanceId, cancellationToken).ConfigureAwait(false) is null)
        {
            await client.StartAsync(OrchestratorNames.StateMachine, request.InstanceId, request.Execution, cancellationToken).ConfigureAwait(false);
        }

        return string.Empty;
    }
}
