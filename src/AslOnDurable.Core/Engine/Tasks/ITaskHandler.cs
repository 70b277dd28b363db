namespace AslOnDurable.Core.Engine.Tasks;

/// <summary>Runs one attempt of a Task state's resource in memory.</summary>
public interface ITaskHandler
{
    /// <summary>Runs the task.</summary>
    /// <param name="invocation">The resource, state and effective input.</param>
    /// <returns>The outcome; failures are values (the engine applies Retry and Catch).</returns>
    ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation);
}
