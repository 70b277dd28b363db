using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>A task handler whose calls wait until the test releases them (a Task whose function has not answered yet).</summary>
public abstract class HeldCallHandler : ITaskHandler
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a value indicating whether the held calls were released.</summary>
    public bool Released => release.Task.IsCompleted;

    /// <summary>Gets a task that completes once the held calls are released.</summary>
    protected Task WhenReleased => release.Task;

    /// <summary>Lets the held calls answer.</summary>
    public void Release() => release.TrySetResult();

    /// <inheritdoc/>
    public abstract ValueTask<TaskOutcome> InvokeAsync(TaskInvocation invocation);
}
