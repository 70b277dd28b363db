using AslOnDurable.Core.Engine.Tasks;

namespace AslOnDurable.Core.Engine.InMemory;

#pragma warning disable RS0030 // This is the host: it owns the clock, ids and randomness the engine must not touch.

/// <summary>
/// The in-memory host (Express workflows, TestState, <c>asl run</c>, tests): time through a
/// <see cref="TimeProvider"/> (optionally a virtual clock that skips waits), direct task calls through an
/// <see cref="ITaskHandler"/>. Use one instance per execution: the virtual clock and mock counters are per run.
/// </summary>
/// <param name="timeProvider">The clock (FakeTimeProvider in tests).</param>
/// <param name="tasks">Runs Task states.</param>
/// <param name="options">Waiting and randomness settings.</param>
public sealed class InMemoryExecutionHost(TimeProvider timeProvider, ITaskHandler tasks, InMemoryHostOptions? options = null) : IExecutionHost
{
    private readonly InMemoryHostOptions settings = options ?? new InMemoryHostOptions();
    private readonly Random random = options?.RandomSeed is { } seed ? new Random(seed) : new Random();
    private TimeSpan skipped;

    /// <inheritdoc/>
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow() + skipped;

    /// <inheritdoc/>
    public Guid NewGuid()
    {
        if (settings.RandomSeed is null)
        {
            return Guid.NewGuid();
        }

        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    /// <inheritdoc/>
    public double NextRandom() => random.NextDouble();

    /// <inheritdoc/>
    public ValueTask WaitUntilAsync(DateTimeOffset fireAt)
    {
        var delay = fireAt - UtcNow;
        if (delay <= TimeSpan.Zero)
        {
            return ValueTask.CompletedTask;
        }

        if (settings.SkipWaits)
        {
            skipped += delay;
            return ValueTask.CompletedTask;
        }

        return new ValueTask(Task.Delay(delay, timeProvider));
    }

    /// <inheritdoc/>
    public ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation) => tasks.InvokeAsync(invocation);
}
