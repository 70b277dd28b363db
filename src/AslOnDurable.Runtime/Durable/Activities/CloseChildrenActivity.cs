using AslOnDurable.Runtime.Durable.Payloads;
using AslOnDurable.Runtime.Executions;
using AslOnDurable.Runtime.Hosting;
using Microsoft.DurableTask;

namespace AslOnDurable.Runtime.Durable.Activities;

/// <summary>
/// Terminates the child executions an instance whose result is decided no longer awaits (a <c>.sync</c> child of a
/// timed-out execution, the map run of a failed Parallel branch), for hosts whose orchestration service is not ours to
/// wrap (the Functions app; the self-hosts' <see cref="Hosting.ClosingOrchestrationService"/> does it there). Each
/// terminated child answers its parent's call as failed (DurableTask.Core notifies the parent of a terminated
/// sub-orchestration), so the parent, which ignores that answer, completes with its decided result.
/// </summary>
/// <param name="client">The task hub's client (recursive terminate where it has one: the children's own children stop too).</param>
public sealed class CloseChildrenActivity(IExecutionClient client) : TaskActivity<string, string>
{
    /// <inheritdoc />
    public override Task<string> RunAsync(TaskActivityContext context, string input) => RunAsync(client, input, CancellationToken.None);

    /// <summary>Terminates each child; hosts that bind activities themselves call this.</summary>
    /// <param name="client">The task hub's client.</param>
    /// <param name="input">A <see cref="CloseChildrenInput"/> as JSON text.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <param name="terminations">
    /// Terminates each child and records it ABORTED in the API's execution index (the Functions app, whose orchestration
    /// service records no termination), or <c>null</c> only to terminate it.
    /// </param>
    /// <returns>The number of children whose termination was requested, as text.</returns>
    /// <remarks>
    /// A child that has already ended is left as it is (terminating it does nothing); one whose request fails is skipped,
    /// so the others still stop (the parent then waits for that child's own end, as it did before).
    /// </remarks>
    public static async Task<string> RunAsync(IExecutionClient client, string input, CancellationToken cancellationToken, IChildTerminations? terminations = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        CloseChildrenInput request = DurableJson.Deserialize<CloseChildrenInput>(input);
        PayloadVersion.EnsureReadable(request.Version, nameof(CloseChildrenInput));
        int requested = 0;
        foreach (string child in request.InstanceIds)
        {
            try
            {
                if (terminations is null)
                {
                    await client.TerminateAsync(child, OpenWork.Reason, cancellationToken).ConfigureAwait(false);
                    requested++;
                }
                else if (await terminations.TerminateAsync(client, child, OpenWork.Reason, cancellationToken).ConfigureAwait(false))
                {
                    requested++;
                }
            }
#pragma warning disable CA1031 // One child's failed request must not keep the others running.
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
#pragma warning restore CA1031
            {
            }
        }

        return requested.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
