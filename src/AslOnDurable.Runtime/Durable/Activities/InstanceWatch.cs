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
}
