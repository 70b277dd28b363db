using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// Asks the task hub whether an instance still awaits the work it started: not once its result is decided (custom status
/// <see cref="StateMachineOrchestrator.FinishedStatus"/>) or once it has ended.
/// </summary>
internal static class InstanceWatch
{
    /// <summary>Whether the instance no longer awaits its open work; <c>false</c> when it cannot tell (the request failed).</summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="instanceId">The instance id.</param>
    /// <returns>Whether it is decided or ended.</returns>
    public static async Task<bool> IsDecidedAsync(IExecutionClient client, string instanceId)
    {
        try
        {
            ExecutionSnapshot? snapshot = await client.GetAsync(instanceId, CancellationToken.None).ConfigureAwait(false);
            return snapshot is not null
                && (snapshot.IsTerminal || OpenWork.IsFinished(snapshot.CustomStatusJson));
        }
#pragma warning disable CA1031 // A failed look keeps the activity waiting, as it would without the watch; the next one may answer.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a map run's instance (a chunk activity's caller) no longer awaits its chunks: it has ended, or its record (the
    /// custom status) is no longer RUNNING (a failing map run ends without its running chunks); <c>false</c> when it cannot
    /// tell (the request failed, no such instance, no record yet).
    /// </summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="instanceId">The map run's instance id.</param>
    /// <returns>Whether it has ended.</returns>
    public static async Task<bool> IsMapRunEndedAsync(IExecutionClient client, string instanceId)
    {
        try
        {
            ExecutionSnapshot? snapshot = await client.GetAsync(instanceId, CancellationToken.None).ConfigureAwait(false);
            return snapshot is not null
                && (snapshot.IsTerminal || OpenWork.IsEndedMapRun(OrchestratorNames.MapRun, snapshot.CustomStatusJson));
        }
#pragma warning disable CA1031 // A failed look keeps the chunk running, as it would without the watch; the next one may answer.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
