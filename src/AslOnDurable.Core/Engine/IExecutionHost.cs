namespace AslOnDurable.Core.Engine;

/// <summary>
/// The seam between the interpreter and the world: everything nondeterministic or side-effecting goes through it.
/// </summary>
/// <remarks>
/// <para>
/// Implementations must be possible over a Durable Task <c>TaskOrchestrationContext</c>: <see cref="UtcNow"/> maps to
/// <c>CurrentUtcDateTime</c>, <see cref="NewGuid"/> to <c>NewGuid()</c>, <see cref="NextRandom"/> to a generator seeded
/// from the instance id (replay-safe), <see cref="WaitUntilAsync"/> to <c>CreateTimer</c>, and
/// <see cref="InvokeTaskAsync"/> to <c>CallActivityAsync</c>. The engine calls the host in a deterministic order
/// for a given history: branches of Parallel and Map are started in index order, and the engine awaits them with
/// <c>Task.WhenAll</c>/<c>Task.WhenAny</c> only, never threads, locks or real delays.
/// </para>
/// <para>
/// Members return <see cref="ValueTask"/>s so an in-memory host completes synchronously at no cost. None takes a
/// <see cref="CancellationToken"/>: orchestrator code never does.
/// </para>
/// <para>
/// Task token callbacks (<c>.waitForTaskToken</c>): the host issues the token (<see cref="NewTaskToken"/>) and, when the
/// task handler answers <see cref="TaskOutcome.AwaitingCallback"/>, waits for SendTaskSuccess/Failure itself (the durable
/// host: an external event raced with timeout and heartbeat timers). Continue-as-new is <see cref="ShouldCheckpoint"/>
/// plus <see cref="Interpreter.ResumeAsync"/>.
/// </para>
/// </remarks>
public interface IExecutionHost
{
    /// <summary>The current time (replay-safe in a durable host; may be virtual in tests and the CLI).</summary>
    DateTimeOffset UtcNow { get; }

    /// <summary>A new random id (<c>States.UUID</c>, task tokens, execution names).</summary>
    /// <returns>The id.</returns>
    Guid NewGuid();

    /// <summary>
    /// A new task token (<c>$$.Task.Token</c>) for one attempt of a <c>.waitForTaskToken</c> Task state. A host that
    /// accepts callbacks makes the token name its execution, so SendTaskSuccess/Failure/Heartbeat can find it.
    /// </summary>
    /// <returns>The token; by default a new id (<see cref="NewGuid"/>) as 32 hex digits.</returns>
    string NewTaskToken() => NewGuid().ToString("N", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A random double in [0, 1) (retry jitter, <c>States.MathRandom</c>).</summary>
    /// <returns>The value.</returns>
    double NextRandom();

    /// <summary>A durable timer: completes once <see cref="UtcNow"/> has reached <paramref name="fireAt"/>.</summary>
    /// <param name="fireAt">When the timer fires.</param>
    /// <returns>A task that completes when the timer fires.</returns>
    ValueTask WaitUntilAsync(DateTimeOffset fireAt);

    /// <summary>Runs a Task state's resource once (one attempt; the engine owns Retry and Catch).</summary>
    /// <param name="invocation">What to call and with which input.</param>
    /// <returns>The outcome; failures are values, not exceptions.</returns>
    ValueTask<TaskOutcome> InvokeTaskAsync(TaskInvocation invocation);

    /// <summary>
    /// Whether the host reads a task invocation's <see cref="TaskInvocation.Input"/> only before
    /// <see cref="InvokeTaskAsync"/> returns, and never changes it (the durable host writes it into the activity's request
    /// at once): the engine then passes a Task state's input as it is, not a copy, when its parameters are that input.
    /// </summary>
    /// <remarks>The default (<see langword="false"/>): the handler gets a copy it may keep, change or return.</remarks>
    bool ReadsTaskInputAtOnce => false;

    /// <summary>
    /// Where a distributed Map's ItemReader reads and its ResultWriter writes (S3 buckets as containers), or
    /// <see langword="null"/> when this host has no item storage (such a Map then fails with <c>States.Runtime</c>).
    /// </summary>
    Items.IItemStore? ItemStore => null;

    /// <summary>
    /// Runs a distributed Map with an ItemReader as a map run of its own (the durable host: a map-run orchestration), or
    /// <see langword="null"/> (the default) to run it in this host's memory through <see cref="ItemStore"/>.
    /// </summary>
    MapRuns.IMapRunHost? MapRuns => null;

    /// <summary>
    /// Asked between two top-level states (never inside a Parallel branch, Map iteration, Retry wait or open task):
    /// should the run stop here and return a checkpoint (<see cref="ExecutionStatus.ContinuedAsNew"/>)? A durable host
    /// says yes once its history has grown enough, then continues as new from the checkpoint, so history and replay
    /// cost stay bounded in long loops. The answer must be deterministic for a given history.
    /// </summary>
    /// <param name="eventCount">ASL history events recorded since this run started or resumed.</param>
    /// <returns><see langword="true"/> to stop at this boundary; the default never stops.</returns>
    bool ShouldCheckpoint(long eventCount) => false;
}
