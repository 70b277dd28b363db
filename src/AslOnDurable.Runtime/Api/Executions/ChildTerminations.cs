using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Durable.MapRuns;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// <see cref="IChildTerminations"/> over the API's execution index (<see cref="ExecutionClosings"/>): used where the host
/// terminates children itself (the Functions app's <c>CloseAbandonedChildren</c> activity) and by StopExecution for a
/// stopped execution's map runs. Each child is looked at first: one that ended on its own is left as it is (its closing
/// event keeps its status), one already terminated (with its parent, recursively) is recorded ABORTED at the backend's
/// stop time, and one still open is terminated and recorded ABORTED at once, as AWS shows it (a child that completes
/// before the termination is applied is corrected by DescribeExecution, as a stopped execution is). A map run is
/// terminated, waited for (up to <see cref="CloseWait"/>), and then its STANDARD children of the index are gone through
/// alike, also when it was already terminated (the Functions host's terminate is recursive: they stopped with it).
/// </summary>
/// <remarks>
/// <c>.sync</c> children run on <c>&lt;machine&gt;:&lt;name&gt;</c> instances as API starts do, and are recorded when the index
/// holds them (kept from their start by the history store, or found on lookup: <see cref="NestedExecutions"/>); instances
/// of neither form are terminated without a look. Recording is best effort: the termination stands, and DescribeExecution corrects an index that missed
/// it. The generation the backend shows is passed along, so a termination of a generation before the last redrive does
/// not close the redriven one.
/// </remarks>
/// <param name="closings">Keeps closings in the execution index.</param>
/// <param name="executions">The execution index (a map run's children).</param>
/// <param name="arns">Reads map run ARNs.</param>
/// <param name="time">The clock of the stop dates recorded for terminations requested here.</param>
internal sealed class ChildTerminations(ExecutionClosings closings, IExecutionIndex executions, ResourceArns arns, TimeProvider time) : IChildTerminations
{
    /// <summary>How long a terminated instance is waited for before what it started is gone through.</summary>
    public static readonly TimeSpan CloseWait = TimeSpan.FromSeconds(30);

    /// <summary>The status a terminated execution has.</summary>
    private const string Aborted = "ABORTED";

    /// <inheritdoc />
    public async Task<bool> TerminateAsync(IExecutionClient client, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(instanceId);
        if (MapRunInstanceIds.MapRunArnOf(instanceId) is { } mapRunArn)
        {
            return await CloseMapRunAsync(client, mapRunArn, instanceId, reason, cancellationToken).ConfigureAwait(false);
        }

        if (closings.ArnOf(instanceId) is null)
        {
            await client.TerminateAsync(instanceId, reason, cancellationToken).ConfigureAwait(false);
            return true;
        }

        ExecutionSnapshot? before = await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (before is { IsTerminal: true })
        {
            if (before.Status is ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled)
            {
                await RecordAsync(instanceId, before.LastUpdatedAt, before.CreatedAt, cancellationToken).ConfigureAwait(false);
            }

            return false;
        }

        await client.TerminateAsync(instanceId, reason, cancellationToken).ConfigureAwait(false);
        if (before is not null && !OpenWork.IsFinished(before.CustomStatusJson))
        {
            // Not for an instance the backend does not know yet (whether the termination reaches it is not known), nor
            // for one whose result is decided while work it abandoned closes (its closing event records its status).
            await RecordAsync(instanceId, time.GetUtcNow(), before.CreatedAt, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>Waits up to <see cref="CloseWait"/> for an instance to close; one still closing then is left to close.</summary>
    /// <param name="client">The client of the host's task hub.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes once it closed or the wait is over.</returns>
    internal static async Task WaitClosedAsync(IExecutionClient client, string instanceId, CancellationToken cancellationToken)
    {
        using CancellationTokenSource wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(CloseWait);
        try
        {
            await client.WaitForCompletionAsync(instanceId, wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Still closing: go on anyway.
        }
    }

    /// <summary>
    /// Terminates a map run's run unless it ended, then goes through its STANDARD children; one that ended on its own is
    /// left as it is (its children ended with it, or it closed them itself).
    /// </summary>
    private async Task<bool> CloseMapRunAsync(IExecutionClient client, string mapRunArn, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        ExecutionSnapshot? run = await client.GetAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (run is { IsTerminal: true, Status: not (ExecutionRuntimeStatus.Terminated or ExecutionRuntimeStatus.Canceled) })
        {
            return false;
        }

        if (run is not { IsTerminal: true })
        {
            await client.TerminateAsync(instanceId, reason, cancellationToken).ConfigureAwait(false);
            if (run is null)
            {
                return true; // not started yet: no child either
            }

            // Its children are gone through only once it has closed: a child stopped first would look failed to a map run
            // still running, which would then start the next item.
            await WaitClosedAsync(client, instanceId, cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<ExecutionRecord> children = await executions.ListAsync(arns.MapRunStateMachine(mapRunArn), cancellationToken).ConfigureAwait(false);
        foreach (ExecutionRecord child in children.Where(c => c.MapRunArn == mapRunArn && c.KnownClosed() is null))
        {
            await TerminateAsync(client, child.InstanceId, null, cancellationToken).ConfigureAwait(false);
        }

        return run is not { IsTerminal: true };
    }

    private async Task RecordAsync(string instanceId, DateTimeOffset at, DateTimeOffset generationCreated, CancellationToken cancellationToken)
    {
        try
        {
            await closings.RecordAsync(instanceId, Aborted, at, cancellationToken, generationCreated).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the termination stands; DescribeExecution corrects an index that missed it.
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
        {
        }
    }
}
