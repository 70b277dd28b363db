using AslOnDurable.Core.Engine.Tasks;
using AslOnDurable.Runtime.Durable.Activities;
using Microsoft.Azure.Functions.Worker;

namespace AslOnDurable.Functions;

/// <summary>Activity triggers: each hands its input to the Runtime's activity class.</summary>
/// <param name="tasks">Runs Task states (the registered integrations).</param>
internal sealed class ActivityFunctions(ITaskHandler tasks)
{
    /// <summary>Runs <see cref="StateMachineTaskActivity"/>: one attempt of a Task state.</summary>
    /// <param name="input">The task activity input record as JSON text.</param>
    /// <returns>The task activity result record as JSON text.</returns>
    [Function(FunctionNames.StateMachineTask)]
    public Task<string> RunTaskAsync([ActivityTrigger] string input) => StateMachineTaskActivity.RunAsync(tasks, input);
}
