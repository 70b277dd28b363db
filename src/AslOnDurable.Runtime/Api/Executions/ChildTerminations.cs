using AslOnDurable.Runtime.Api.Registry;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Api.Executions;

/// <summary>
/// <see cref="IChildTerminations"/> over the API's execution index (<see cref="ExecutionClosings"/>): used where the host
/// terminates children itself (the Functions app's <c>CloseAbandonedChildren</c> activity) and by StopExecution for a
/// stopped execution's map-run children. Each child is looked at first: one that ended on its own is left as it is (its
/// closing event keeps its status), one already terminated (with its parent, recursively) is recorded ABORTED at the
/// backend's stop time, and one still open is terminated and recorded ABORTED at once, as AWS shows it (a child that
/// completes before the termination is applied is corrected by DescribeExecution, as a stopped execution is).
/// </summary>
/// <remarks>
/// Instance ids that name no execution of the index (<c>.sync</c> children are named by their execution name only, map
/// runs by their map run ARN) are terminated without a look. Recording is best effort: the termination stands, and
/// DescribeExecution corrects an index that missed it. The generation the backend shows is passed along, so a termination
/// of a generation before the last redrive does not close the redriven one.
/// </remarks>
/// <param name="closings">Keeps closings in the execution index.</param>
/// <param name="time">The clock of the stop dates recorded for terminations requested here.</param>
internal sealed class ChildTerminations(ExecutionClosings closings, TimeProvider time) : IChildTerminations
{
    /// <summary>The status a terminated execution has.</summary>
    private const string Aborted = "ABORTED";

    /// <inheritdoc />
    public async Task<bool> TerminateAsync(IExecutionClient client, string instanceId, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(instanceId);
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
