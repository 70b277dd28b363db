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
internal sealed class ActivityFunctions(ITaskHandler tasks, ExecutionTelemetry telemetry)
{
    /// <summary>Runs <see cref="StateMachineTaskActivity"/>: one attempt of a Task state.</summary>
    /// <param name="input">The task activity input record as JSON text.</param>
    /// <returns>The task activity result record as JSON text.</returns>
    [Function(FunctionNames.StateMachineTask)]
    public Task<string> RunTaskAsync([ActivityTrigger] string input) => StateMachineTaskActivity.RunAsync(tasks, input, null, telemetry);

    /// <summary>Runs <see cref="StartExecutionActivity"/>: starts a child execution the parent does not wait for.</summary>
    /// <param name="input">The detached execution input record as JSON text.</param>
    /// <param name="client">The task hub's client.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>An empty string once the child is started.</returns>
    [Function(FunctionNames.StartStateMachineExecution)]
    public static Task<string> StartExecutionAsync([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        StartExecutionActivity.RunAsync(new DurableTaskExecutionClient(client), input, cancellationToken);
}
