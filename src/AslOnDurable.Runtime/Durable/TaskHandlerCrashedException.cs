namespace AslOnDurable.Runtime.Durable;

/// <summary>
/// Rethrown in the orchestrator when a task handler threw something other than an <c>AslErrorException</c> in its
/// activity; the engine turns it into <c>States.Runtime</c> with the same message, exactly as in memory.
/// </summary>
public sealed class TaskHandlerCrashedException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="TaskHandlerCrashedException"/> class.</summary>
    /// <param name="message">The handler exception's message.</param>
    public TaskHandlerCrashedException(string message)
        : base(message)
    {
    }
}
