using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine;
using AslOnDurable.Core.Errors;
using Microsoft.Extensions.Time.Testing;

namespace AslOnDurable.Testing;

/// <summary>
/// A scripted execution host: a FakeTimeProvider clock that timers advance (no real waiting), sequential GUIDs,
/// scripted random values, and task calls answered by a delegate. Records every timer and task call.
/// </summary>
public sealed class FakeExecutionHost : IExecutionHost
{
    private readonly Queue<double> randoms = new();
    private int guidCounter;

    /// <summary>Creates the host at a fixed start time.</summary>
    public FakeExecutionHost(DateTimeOffset? start = null)
    {
        Clock = new FakeTimeProvider(start ?? new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero));
    }

    /// <summary>The clock.</summary>
    public FakeTimeProvider Clock { get; }

    /// <summary>Answers Task states; by default returns the input unchanged.</summary>
    public Func<TaskInvocation, TaskOutcome> Tasks { get; set; } = invocation => TaskOutcome.Success(invocation.Input);

    /// <summary>Whether the engine may pass a Task state's input as it is (<see cref="IExecutionHost.ReadsTaskInputAtOnce"/>); false by default.</summary>
    public bool ReadsTaskInputAtOnce { get; set; }

    /// <summary>Item storage for distributed Map states; none by default.</summary>
    public Core.Engine.Items.IItemStore? ItemStore { get; set; }

    /// <summary>Every task call, in order.</summary>
    public List<TaskInvocation> Invocations { get; } = [];

    /// <summary>Every timer's fire time, in order.</summary>
    public List<DateTimeOffset> Timers { get; } = [];

    /// <summary>Every timer's delay from the time it was requested.</summary>
    public List<TimeSpan> Delays { get; } = [];

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => Clock.GetUtcNow();

    /// <summary>Queues values for <see cref="NextRandom"/> (0.5 when none is queued).</summary>
    public void QueueRandom(params double[] values)
    {
        foreach (var value in values)
        {
            randoms.Enqueue(value);
        }
    }

    /// <summary>Makes tasks fail with an error a number of times, then succeed with a result.</summary>
    public void FailThenSucceed(int failures, string error, JsonNode? result)
    {
        var calls = 0;
        Tasks = _ => calls++ < failures ? TaskOutcome.Failure(new AslError(error, "cause " + calls)) : TaskOutcome.Success(result?.DeepClone());
    }

    /// <inheritdoc/>
    public Guid NewGuid() => new(++guidCounter, 0, 0, new byte[8]);

    /// <inheritdoc/>
    public double NextRandom() => randoms.Count > 0 ? randoms.Dequeue() : 0.5;

    /// <inheritdoc/>
    public ValueTask WaitUntilAsync(DateTimeOffset fireAt)
    {
        Timers.Add(fireAt);
        Delays.Add(fireAt - UtcNow);
        if (fireAt > UtcNow)
        {
            Clock.SetUtcNow(fireAt);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation)
    {
        Invocations.Add(invocation);
        return new(Tasks(invocation));
    }
}
