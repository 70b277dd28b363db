using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable.Activities;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Observability;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace AslOnDurable.Functions;

/// <summary>Activity triggers: each hands its input to the Runtime's activity class.</summary>
/// <param name="tasks">Runs Task states (the registered integrations).</param>
/// <param name="telemetry">Traces and metrics.</param>
/// <param name="terminations">Terminates abandoned children and records them ABORTED in the API's execution index.</param>
internal sealed class ActivityFunctions(ITaskHandler tasks, ExecutionTelemetry telemetry, IChildTerminations terminations)
{
    /// <summary>
    /// Runs <see cref="StateMachineTaskActivity"/>: one attempt of a Task state. The host's orchestration service completes
    /// an instance only once no activity is open, so while the handler runs the activity watches its instance through the
    /// client and stops waiting once the execution's result is decided (a failed Parallel branch, its TimeoutSeconds).
    /// </summary>
    /// <param name="input">The task activity input record as JSON text.</param>
    /// <param name="client">The task hub's client (the calling instance's custom status).</param>
    /// <returns>The task activity result record as JSON text.</returns>
    [Function(FunctionNames.StateMachineTask)]
    public Task<string> RunTaskAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client) =>
        StateMachineTaskActivity.RunAsync(tasks, input, null, telemetry, new DurableTaskExecutionClient(client));

    /// <summary>
    /// Runs <see cref="CloseChildrenActivity"/>: terminates (recursively) the <c>.sync</c> children and map runs a decided
    /// execution no longer awaits, so they stop and answer it, and it completes (and the STANDARD children a failing map
    /// run ends without). The host's orchestration service records no termination, so the children of the execution index
    /// (map-run children) are recorded ABORTED here, and ListExecutions knows them closed without asking the backend.
    /// </summary>
    /// <param name="input">The close-children input record as JSON text.</param>
    /// <param name="client">The task hub's client.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The number of terminations requested, as text.</returns>
    [Function(FunctionNames.CloseAbandonedChildren)]
    public Task<string> CloseChildrenAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        CloseChildrenActivity.RunAsync(new DurableTaskExecutionClient(client), input, cancellationToken, terminations);

    /// <summary>Runs <see cref="StartExecutionActivity"/>: starts a child execution the parent does not wait for.</summary>
    /// <param name="input">The detached execution input record as JSON text.</param>
    /// <param name="client">The task hub's client.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>An empty string once the child is started.</returns>
    [Function(FunctionNames.StartStateMachineExecution)]
    public static Task<string> StartExecutionAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        StartExecutionActivity.RunAsync(new DurableTaskExecutionClient(client), input, cancellationToken);
}
